import { ComingSoon } from '../../app/coming-soon';

export default function DataImportPage() {
  return <ComingSoon path="/imports" />;
}
