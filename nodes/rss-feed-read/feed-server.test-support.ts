// A local HTTP server serving real-looking feeds for the RSS tests: an RSS 2.0 feed whose entries
// the test may add to, an Atom feed, a page that is not a feed, and a 404.
import { createServer, type Server } from 'node:http';

export interface FeedEntry {
  title: string;
  link: string;
  date: Date;
  body: string;
}

export function rss2(entries: FeedEntry[]): string {
  const items = entries.map((e) => `
    <item>
      <title>${e.title}</title>
      <link>${e.link}</link>
      <guid isPermaLink="true">${e.link}</guid>
      <pubDate>${e.date.toUTCString()}</pubDate>
      <dc:creator>Ada</dc:creator>
      <category>news</category>
      <description><![CDATA[<p>${e.body}</p>]]></description>
    </item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Weft test blog</title>
    <link>https://blog.example.test/</link>
    <description>Posts</description>
    <language>en</language>${items}
  </channel>
</rss>`;
}

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom test feed</title>
  <link href="https://atom.example.test/"/>
  <updated>2024-03-02T10:00:00Z</updated>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <entry>
    <title>Atom entry one</title>
    <link href="https://atom.example.test/one"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2024-03-02T10:00:00Z</updated>
    <author><name>Grace</name></author>
    <summary>First summary</summary>
  </entry>
</feed>`;

export async function startFeedServer(entries: FeedEntry[]): Promise<{ url: string; server: Server; requests: () => number; close(): Promise<void> }> {
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    if (req.url === '/rss.xml') {
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      res.end(rss2(entries));
    } else if (req.url === '/atom.xml') {
      res.setHeader('content-type', 'application/atom+xml');
      res.end(ATOM);
    } else if (req.url === '/page.html') {
      res.setHeader('content-type', 'text/html');
      res.end('<html><body>not a feed</body></html>');
    } else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, server, requests: () => count, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
