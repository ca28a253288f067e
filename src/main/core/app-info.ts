export const APP_NAME = 'Dialsheet';
export const APP_VERSION: string = __DIALSHEET_VERSION__;
