import { ComingSoon } from '../../app/coming-soon';

export default function CasesPage() {
  return <ComingSoon path="/cases" />;
}
