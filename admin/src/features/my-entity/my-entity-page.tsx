import { ComingSoon } from '../../app/coming-soon';

export default function MyEntityPage() {
  return <ComingSoon path="/my-entity" />;
}
