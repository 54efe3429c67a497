import { downloadedFile, exportUrl, fileBlob } from '../../../api/transfers';
import { YearExport } from '../../../components/year-export';

/** 导出Excel: the year's transfers, one a row, with the monthly 转入 / 转出 / 内部 counts. */
export function ExportTransfers({ orgId, orgName }: { orgId: string; orgName: string }) {
  return (
    <YearExport
      workbook={{
        blob: (year) => fileBlob(exportUrl(orgId, year)),
        file: (year) => downloadedFile(exportUrl(orgId, year)),
        fileName: (year) => `${orgName}${year}年组织关系转接台账.xlsx`,
      }}
      buttonText={() => '导出Excel'}
      note="每份转接一行，另附每月转入、转出、内部转接统计。"
    />
  );
}
