/** Largest file the app takes in, in bytes. Past this a clear message says so, before reading. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Largest file that may travel as bytes (web host, or a drop with no path on disk). */
export const MAX_UPLOAD_BYTES = 128 * 1024 * 1024;
/** Rows the renderer may ask for in one window. */
export const MAX_ROWS_PER_WINDOW = 1000;
/** Rows one removeRows or restoreRows call may name by index; a whole status or reason goes by filter instead. */
export const MAX_ROWS_PER_CHANGE = 5000;
/** Rows sent with the first answer about a sheet, so a preview needs no second trip. */
export const PREVIEW_ROWS = 100;
/** Phone columns one contact may have ("Phone 1" … "Phone n"). */
export const MAX_PHONE_COLUMNS = 20;
