/** true only in the `npm start` demo build (DEMO=1). */
declare const __RC_DEMO__: boolean;
