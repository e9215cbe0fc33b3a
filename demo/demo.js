// Acme Webcare demo inbox: a pretend customer inbox for trying Replyclock (npm start) and for its e2e test.
// Plain script, no framework, no network. Message text is set with textContent only.
// DOM contract read by the extension's demo adapter (src/content/sites/demo.ts):
//   <main id="demo-inbox"> <article class="demo-msg" data-rc-id data-role="customer|brand" data-thread>
//     <header><span class="demo-author" data-handle>Name</span> <time datetime="ISO">HH:MM</time></header>
//     <p class="demo-text">…</p> <button class="demo-reply">Reply as brand</button> </article> … </main>
// URL options: ?arrivals=off stops new messages (tests), ?every=<seconds> changes the arrival pace.
(function () {
  'use strict';

  var BRAND = { name: 'Acme Webcare', handle: 'AcmeWebcare' };
  var MINUTE = 60 * 1000;

  // Seeded with ages that put the demo's 5-minute target (warning after 3) in every state at once.
  var SEEDS = [
    { name: 'Tom Müller', handle: 'tom_mueller', minutesAgo: 12, text: 'Can I change the delivery address of order #4380?', repliedMinutesAgo: 9 },
    { name: 'Priya Patel', handle: 'priya_p', minutesAgo: 7, text: 'Your app logs me out every time I open it. Very annoying!' },
    { name: 'Sam Jansen', handle: 'samjansen', minutesAgo: 3.5, text: 'Is the store in Utrecht open on Sunday?' },
    { name: 'Jane Doe', handle: 'jane_doe', minutesAgo: 1, text: 'Hi! My parcel says delivered but it is not here. Order #4411.' },
  ];

  var ARRIVALS = [
    { name: 'Lars de Vries', handle: 'larsdv', text: 'Do you ship to Belgium?' },
    { name: 'Amira Haddad', handle: 'amira_h', text: 'I was charged twice for my subscription this month.' },
    { name: 'Kenji Sato', handle: 'kenjisato', text: 'The discount code SPRING10 does not work at checkout.' },
    { name: 'Emma Schmidt', handle: 'emma_schmidt', text: 'How do I return a jacket that is too small?' },
    { name: 'Noah Bakker', handle: 'noahbakker', text: 'My order has been "processing" for four days now.' },
    { name: 'Olivia Brown', handle: 'liv_brown', text: 'Thanks for the quick help yesterday! One more question about invoices.' },
  ];

  var REPLIES = [
    'Thanks for reaching out! We are looking into it right away.',
    'Sorry about that! Could you send us a DM with your order number?',
    'Good question: let us check and get back to you within the hour.',
  ];

  var inbox = document.getElementById('demo-inbox');
  var status = document.getElementById('demo-status');
  var nextId = 1001;
  var replyCount = 0;

  function hhmm(date) {
    return String(date.getHours()).padStart(2, '0') + ':' + String(date.getMinutes()).padStart(2, '0');
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function article(opts) {
    var at = new Date(opts.at);
    var node = el('article', 'demo-msg');
    node.dataset.rcId = opts.id;
    node.dataset.role = opts.role;
    node.dataset.thread = opts.thread;

    var header = el('header');
    var author = el('span', 'demo-author', opts.name);
    author.dataset.handle = opts.handle;
    var time = el('time', '', hhmm(at));
    time.setAttribute('datetime', at.toISOString());
    time.title = at.toLocaleString();
    header.append(author, ' ', time);
    node.append(header, el('p', 'demo-text', opts.text));

    if (opts.role === 'customer') {
      var button = el('button', 'demo-reply', 'Reply as brand');
      button.type = 'button';
      button.addEventListener('click', function () {
        reply(opts.thread, Date.now());
      });
      node.append(' ', button);
    }
    return node;
  }

  function threadNodes(thread) {
    return inbox.querySelectorAll('article.demo-msg[data-thread="' + thread + '"]');
  }

  /** Appends a brand reply to the thread, right after the thread's last message. */
  function reply(thread, at) {
    var nodes = threadNodes(thread);
    if (!nodes.length) return;
    var last = nodes[nodes.length - 1];
    var text = REPLIES[replyCount % REPLIES.length];
    replyCount += 1;
    var node = article({ id: thread + '-r' + replyCount, role: 'brand', thread: thread, name: BRAND.name, handle: BRAND.handle, at: at, text: text });
    last.after(node);
    var button = nodes[0].querySelector('.demo-reply');
    if (button) {
      button.disabled = true;
      button.textContent = 'Replied';
    }
  }

  /** A new customer message opens a thread at the top (newest first). */
  function arrive(person, at) {
    var id = 'd-' + nextId;
    nextId += 1;
    inbox.prepend(article({ id: id, role: 'customer', thread: id, name: person.name, handle: person.handle, at: at, text: person.text }));
    return id;
  }

  var now = Date.now();
  SEEDS.forEach(function (seed) {
    var id = arrive(seed, now - seed.minutesAgo * MINUTE);
    if (seed.repliedMinutesAgo !== undefined) reply(id, now - seed.repliedMinutesAgo * MINUTE);
  });

  var params = new URLSearchParams(location.search);
  var every = Math.max(1, Number(params.get('every')) || 7) * 1000;
  var pending = ARRIVALS.slice();
  if (params.get('arrivals') === 'off') {
    status.textContent = 'New messages paused.';
  } else {
    var timer = setInterval(function () {
      var person = pending.shift();
      if (!person) {
        clearInterval(timer);
        status.textContent = 'All demo messages have arrived. Reload the page to start over.';
        return;
      }
      arrive(person, Date.now());
      status.textContent = 'New message from ' + person.name + '.';
    }, every);
  }
})();
