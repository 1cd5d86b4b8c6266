package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/region"
	"github.com/gongwen/gongwen/fetch"
)

// ingestURLs crawls the URLs into DATA/raw like gongwen crawl (with the
// crawl flags given to ingest) and indexes the pages and attachments that
// are new or changed, or not yet in the index.
func ingestURLs(ctx context.Context, opts ingestOptions, in *ingester, urls []string, stderr io.Writer) error {
	copts := opts.crawl
	copts.data = opts.data
	return crawlAndIngest(ctx, copts, in, urls, stderr)
}

// crawlAndIngest crawls, then extracts every detail page and attachment
// the crawl found new or changed (or that the index lacks) and adds it
// through in. An attachment's document has Parent = the page's id, and
// the page lists its attachments. The crawl's frontier is kept until the
// documents are committed, so a run killed while indexing redoes them.
func crawlAndIngest(ctx context.Context, copts crawlOptions, in *ingester, urls []string, stderr io.Writer) error {
	c, err := newCrawler(copts, stderr)
	if err != nil {
		return err
	}
	c.KeepState = true
	if in.bar != nil {
		c.Progress = func(p fetch.Progress) {
			in.bar.Describe(fmt.Sprintf("crawl: %d fetched, %d queued, %d errors", p.Fetched, p.Queued, p.Errors))
		}
	}
	rep, err := c.Crawl(ctx, urls)
	if rep == nil {
		return err
	}
	if path, serr := c.Store.SaveReport(rep); serr == nil && in.bar == nil {
		fmt.Fprintf(stderr, "crawl report %s\n", path)
	}
	var todo []*fetch.Record
	nfail := 0
	for _, u := range rep.URLs {
		switch u.Outcome {
		case fetch.OutcomeFailed, fetch.OutcomeBlocked:
			in.fail(u.URL, errors.New(u.Error))
			nfail++
			continue
		case fetch.OutcomeNew, fetch.OutcomeChanged, fetch.OutcomeUnchanged:
		default:
			continue // not fetched: disallowed, out of scope, skipped
		}
		if u.Kind == fetch.KindList {
			continue // lists are not documents
		}
		rec, rerr := c.Store.Record(u.URL)
		if rerr != nil || rec == nil {
			in.fail(u.URL, fmt.Errorf("not in the raw store: %v", rerr))
			nfail++
			continue
		}
		if u.Outcome == fetch.OutcomeUnchanged && !in.reextract && indexed(in, rec) {
			continue
		}
		todo = append(todo, rec)
	}
	if err != nil {
		return err // interrupted: the frontier is kept, run again to resume
	}
	in.grow(len(todo) + nfail - len(urls))
	if in.bar != nil {
		in.bar.Describe("ingest")
	}
	regions := map[string]*region.Region{} // page URL -> the region of its document, for its attachments
	for _, rec := range todo {
		if err := ctx.Err(); err != nil {
			return err
		}
		body, err := c.Store.Body(rec.SHA256)
		if err != nil {
			in.fail(rec.URL, err)
			continue
		}
		input := extract.Input{Name: rec.URL, URL: rec.URL, ContentType: rec.ContentType, Body: body, FetchedAt: rec.FetchedAt}
		if rec.Kind == fetch.KindFile && rec.Parent != "" {
			// Files linked straight from a list have no parent document.
			if parent, _ := c.Store.Record(rec.Parent); parent != nil && parent.Kind == fetch.KindPage {
				input.Parent = extract.URLID(rec.Parent)
				input.ParentRegion = parentRegion(in, regions, rec.Parent)
			}
		}
		in.extracted.Add(1)
		var docs []*extract.Document
		encoded, err := in.ex.input(ctx, input)
		if err == nil {
			docs, err = decodeDocs(encoded)
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			in.fail(rec.URL, err)
			continue
		}
		if rec.Kind == fetch.KindPage {
			regions[rec.URL] = docs[0].Region
		}
		addAttachments(docs[0], rec.Attachments)
		in.grow(len(docs) - 1)
		for _, doc := range docs {
			if err := in.add(rec.URL, doc); err != nil {
				return err
			}
		}
	}
	if err := in.batch.Commit(); err != nil {
		return err
	}
	return c.Store.RemoveCrawl(rep.ID)
}

// parentRegion returns the region of the page at pageURL: evidence for an
// attachment whose issuer names a place that several divisions share. The
// page was extracted in this run or is in the index; nil when neither.
func parentRegion(in *ingester, extracted map[string]*region.Region, pageURL string) *region.Region {
	if r, ok := extracted[pageURL]; ok {
		return r
	}
	if doc, err := in.ix.Document(extract.URLID(pageURL)); err == nil {
		return doc.Region
	}
	return nil
}

// indexed reports whether the index holds the document of rec with the
// same body, so an unchanged page need not be extracted again.
func indexed(in *ingester, rec *fetch.Record) bool {
	doc, err := in.ix.Document(extract.URLID(rec.URL))
	return err == nil && doc.Source.SHA256 == rec.SHA256
}

// addAttachments lists on a page the attachments the crawler found that
// the extractor did not (pdf.js wrappers, data-file attributes …).
func addAttachments(doc *extract.Document, urls []string) {
	for _, u := range urls {
		if slices.ContainsFunc(doc.Attachments, func(a extract.Attachment) bool { return a.URL == u }) {
			continue
		}
		doc.Attachments = append(doc.Attachments, extract.Attachment{URL: u, Name: path.Base(u), Type: fetch.FileType(u)})
	}
}
