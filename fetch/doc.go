// Package fetch downloads pages and files from government websites: single
// URLs with Client, and whole columns (list → detail pages → attachments) with Crawler.
//
// # Politeness and reliability
//
// A Client names itself in the User-Agent (with an optional contact),
// waits between requests to the same host (1 per second by default),
// honours Retry-After on 429 and 503, retries 5xx answers and network
// errors with exponential backoff and jitter, and limits connect time,
// total time, body size and redirects (a redirect back to a URL already
// visited is a loop). Anti-bot answers — HTTP 412, or a small page whose
// script sets a cookie and reloads — fail with ErrBlocked, never come back
// as empty pages. Failures are *Error values naming the URL and the status:
//
//	fetch https://www.example.gov.cn/zwgk/t20250117_1.html: 404 Not Found
//
// # Crawling
//
// A Crawler starts from list pages (a column such as 法治政府建设年度报告),
// follows pagination (TRS createPageHTML/countPage → index_1.html, links
// labelled 下一页, page query parameters, numbered siblings, Hanweb jpage
// records POSTed from dataproxy.jsp), the detail pages whose URLs look
// like articles (t20250117_123.html, art_1229_5678.html, content_123.htm,
// post_123.html) and the attachments they link (pdf doc docx wps ofd xls
// xlsx, also through pdf.js viewer.html?file= wrappers; never oldsrc).
// Paging stops at the last page, at a page that brings no new detail, and
// with Since at a page whose listed dates are all older. It checks
// robots.txt before every URL; a disallowed URL is reported, not fetched.
// Attachments must start with the magic bytes of their type. Scope keeps
// the crawl on the seed's host and directory (Hanweb /col/col1229/ lists
// also reach their /art/…/art_1229_….html articles); attachments may be
// anywhere on the host of the page that links them.
//
// # Store
//
// Everything fetched goes into a Store on disk (DATA/raw): one JSON record
// per URL (status, ETag, Last-Modified, sha256, fetch time, the page that
// linked it, the attachments it links) and the bodies by sha256. Every file
// is written to a temporary name and renamed, so a killed crawl leaves no
// half-written file. The crawl's frontier is saved after every URL; running
// the same crawl again resumes it. A crawl over a finished store sends
// conditional requests and reports unchanged pages as such.
//
// fetch imports nothing from this module; it does not decode charsets
// (beyond what it needs to find links) or extract text.
package fetch
