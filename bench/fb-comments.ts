// A synthetic Facebook Page post whose comments load in batches ("View more comments"), for the content-script
// bench: each comment has the real structure of tests/fixtures/facebook/post-en.html (div[role=article] with a
// localised aria-label, profile and comment_id links, a relative time "2h"). Facebook keeps loaded comments mounted,
// so nothing leaves the DOM (the bench passes a `keep` above the count). The page carries the instrument panel of
// page-instrument.ts; badges are matched to comments by the message id they carry (`facebook:<post>_<comment>`).
import { INSTRUMENT } from './page-instrument.ts';

const PAGE_SCRIPT = String.raw`
(() => {${INSTRUMENT}
  b.list = '.comments';
  const POST = '1234567890';
  b.item = (i) => {
    const cid = POST + '_' + (100000 + i);
    const enc = encodeURIComponent(btoa('comment:' + cid));
    const name = 'Customer ' + i;
    const who = 'https://www.facebook.com/customer.' + i + '?comment_id=' + enc + '&amp;__cft__[0]=AZX&amp;__tn__=R%5D-R';
    return ['<div role="article" aria-label="Comment by ' + name + ' ' + (1 + (i % 5)) + ' hours ago" tabindex="-1">' +
      '<a href="' + who + '" role="link" tabindex="0"><svg aria-label="' + name + '" role="img"></svg></a>' +
      '<div><span><a href="' + who + '" role="link" tabindex="0"><span>' + name + '</span></a></span>' +
      '<div dir="auto">My order #' + i + ' never arrived. Can you help?</div></div>' +
      '<ul><li><a href="https://www.facebook.com/AcmePage/posts/pfbid02abc?comment_id=' + enc + '&amp;__cft__[0]=AZX&amp;__tn__=R%5D-R" role="link" tabindex="0">' + (1 + (i % 5)) + 'h</a></li>' +
      '<li><div role="button">Like</div></li><li><div role="button">Reply</div></li></ul></div>', 'facebook:' + cid];
  };
})();
`;

export function commentsHtml(): string {
  return `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Acme Nederland - Our spring sale starts today! | Facebook</title>
<style>body{font-family:sans-serif;margin:0;background:#f0f2f5} [role=main]{width:680px;margin:auto;background:#fff;padding:12px} ul{list-style:none;display:flex;gap:8px;padding:0;margin:2px 0} li{font-size:12px;color:#65676b}</style></head>
<body><div id="mount_0_0"><div role="banner"><a href="/" aria-label="Facebook">f</a></div>
<div role="main">
  <div role="article" aria-labelledby="post-title">
    <h2 id="post-title"><span><a href="https://www.facebook.com/profile.php?id=100064000000001&amp;__cft__[0]=AZX&amp;__tn__=-UC%2CP-R" role="link"><strong><span>Acme Nederland</span></strong></a></span></h2>
    <a href="https://www.facebook.com/AcmePage/posts/pfbid02abc?__cft__[0]=AZX" role="link"><span>Yesterday at 09:00</span></a>
    <div data-ad-preview="message" dir="auto">Our spring sale starts today!</div>
  </div>
  <div class="comments"></div>
</div></div>
<script>${PAGE_SCRIPT}</script></body></html>`;
}
