import { AppError } from '../../common/errors/app-error';
import type { CaseFailure } from './domain';

/** A refused step as the AppError the HTTP filter maps by its code (400, 403 or 409). */
export const caseFailure = (f: CaseFailure): AppError => new AppError(f.code, f.message);
