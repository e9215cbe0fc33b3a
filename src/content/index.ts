// Content-script entry: starts the runtime for whichever site adapter matches this page.
console.debug('Replyclock content script');
