import { ComingSoon } from '../../app/coming-soon';

export default function ChargingEntitiesPage() {
  return <ComingSoon path="/charging-entities" />;
}
