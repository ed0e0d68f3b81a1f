import { ComingSoon } from '../../app/coming-soon';

export default function WarningsCreditPage() {
  return <ComingSoon path="/warnings" />;
}
