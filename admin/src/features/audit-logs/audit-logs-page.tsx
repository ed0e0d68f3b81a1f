import { ComingSoon } from '../../app/coming-soon';

export default function AuditLogsPage() {
  return <ComingSoon path="/audit-logs" />;
}
