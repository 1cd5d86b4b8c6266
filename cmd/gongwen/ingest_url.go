package main

import (
	"context"
	"fmt"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/fetch"
)

// ingestURLs fetches each URL once, extracts it and adds it to the index
// through in. Fetch and extraction failures are recorded with in.fail; only
// an index error or a cancelled ctx stops the run.
func ingestURLs(ctx context.Context, opts ingestOptions, in *ingester, urls []string) error {
	client := &fetch.Client{}
	ex := &extract.Extractor{}
	for _, u := range urls {
		if err := ctx.Err(); err != nil {
			return err
		}
		page, err := client.Get(ctx, u)
		if err != nil {
			in.fail(u, err)
			continue
		}
		doc, err := ex.Extract(extract.Input{Name: u, URL: page.FinalURL, ContentType: page.ContentType,
			Body: page.Body, FetchedAt: page.FetchedAt})
		if err != nil {
			in.fail(u, fmt.Errorf("%s: %w", u, err))
			continue
		}
		if err := in.add(u, doc); err != nil {
			return err
		}
	}
	return nil
}
