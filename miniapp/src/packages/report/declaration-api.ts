import type { DeclarationView } from '@zgd/shared-types';
import { apiGet } from '../../services/http-client';

/** The tenant's declaration a report was started from (a subpackage reads it for itself). */
export const fetchDeclaration = (id: string) =>
  apiGet<DeclarationView>(`/me/declarations/${encodeURIComponent(id)}`);
