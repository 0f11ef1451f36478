/** The report's file name: 应急处置报告-12.docx (with an ASCII one for old clients). */
export const reportFileName = (id: number) => ({ utf8: `应急处置报告-${id}.docx`, ascii: `incident-${id}-report.docx` });
