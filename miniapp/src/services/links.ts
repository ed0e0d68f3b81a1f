// Pages of the subpackages that other packages open (kept in the main package, which every
// package may import from).
export const BIND_PAGE = '/packages/binding/pages/bind/index';
export const BINDINGS_PAGE = '/packages/binding/pages/list/index';
export const MY_REPORTS_PAGE = '/packages/report/pages/mine/index';
export const NEW_REPORT_PAGE = '/packages/report/pages/new/index';

/** The one-click report of a month, prefilled with that month's findings. */
export const newReportUrl = (accountNo: string, period: string) =>
  `${NEW_REPORT_PAGE}?accountNo=${encodeURIComponent(accountNo)}&period=${encodeURIComponent(period)}`;
