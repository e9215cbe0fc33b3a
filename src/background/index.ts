// Background entry (service worker in Chromium, event page in Firefox).
console.debug('Replyclock background started');
