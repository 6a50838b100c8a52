export const MAX_FILE_BYTES = Number(process.env.FILES_MAX_BYTES || 10 * 1024 * 1024);

/** Quotes, contracts, drawings and photos; nothing that a browser would run. */
export const ALLOWED: Record<string, string[]> = {
  pdf: ['application/pdf'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  webp: ['image/webp'],
  heic: ['image/heic', 'image/heif'],
  gif: ['image/gif'],
  txt: ['text/plain'],
  csv: ['text/csv', 'application/vnd.ms-excel'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  dwg: ['image/vnd.dwg', 'application/acad', 'application/octet-stream'],
  dxf: ['image/vnd.dxf', 'application/dxf', 'application/octet-stream'],
  zip: ['application/zip', 'application/x-zip-compressed'],
};
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);
