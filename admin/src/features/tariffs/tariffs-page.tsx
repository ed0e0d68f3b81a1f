import { ComingSoon } from '../../app/coming-soon';

export default function TariffsPage() {
  return <ComingSoon path="/tariffs" />;
}
