// The field limits of ras.h and lmcons.h (shared/ras-reference.md §5.2), in characters.

export const RAS_MAX_ENTRY_NAME = 256;
export const RAS_MAX_PHONE_NUMBER = 128;
export const RAS_MAX_CALLBACK_NUMBER = 128;
export const RAS_MAX_DEVICE_NAME = 128;
export const RAS_MAX_DEVICE_TYPE = 16;
export const RAS_MAX_AREA_CODE = 10;
export const UNLEN = 256;
export const PWLEN = 256;
export const DNLEN = 15;
export const MAX_PATH = 260;
/** szDnsSuffix is WCHAR[RAS_MaxDnsSuffix] (256) with its NUL. */
export const RAS_MAX_DNS_SUFFIX = 255;
