/**
 * A new Excel workbook for an export. exceljs comes from the Lambda layer and is imported on the first export, so
 * the other routes of a function never pay for parsing it on a cold start.
 */
import type ExcelJS from 'exceljs';

export async function newBook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = '先锋';
  book.created = new Date();
  return book;
}
