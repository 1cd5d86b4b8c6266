package extract

import (
	"fmt"
	"path"
	"strings"

	"github.com/gongwen/gongwen/extract/archive"
)

// MaxArchiveDepth bounds archives inside archives: a zip in a zip (or a RAR) is read, a third
// level is not.
const MaxArchiveDepth = 2

// MemberSep joins an archive's name and a path inside it in Source.File (and Source.URL for an
// archive that was fetched): bundle.zip!/附件1.pdf or bundle.rar!/附件1.pdf, the convention of jar:
// URLs.
const MemberSep = "!/"

// ExtractAll reads one input and, for an archive, every document inside it: the archive's own
// document first (its text lists the files inside, its attachments name them), then each file's
// document with Parent set to the archive's id and Source.File (or Source.URL) set to
// "ARCHIVE!/PATH". A file inside that cannot be read is a warning on the archive's document, not
// an error. For any other input it returns Extract's one document.
func (e *Extractor) ExtractAll(in Input) ([]*Document, error) {
	return e.extractAll(in, 0)
}

func (e *Extractor) extractAll(in Input, depth int) ([]*Document, error) {
	doc, err := e.Extract(in)
	if err != nil {
		return nil, err
	}
	docs := []*Document{doc}
	format := Sniff(in.Name+in.URL, in.ContentType, in.Body)
	if format != FormatZip && format != FormatRar {
		return docs, nil
	}
	name := in.Name
	if name == "" {
		name = in.URL
	}
	if depth >= MaxArchiveDepth {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("archive nested %d deep: its files are not read", depth+1))
		return docs, nil
	}
	files, _, err := archiveFiles(format, in.Body)
	if err != nil {
		return nil, fmt.Errorf("extract: %s: %w", name, err) // the listing read it, so this is a limit
	}
	for _, f := range files {
		member := Input{Name: name + MemberSep + f.Path, Body: f.Body, FetchedAt: in.FetchedAt, Parent: doc.ID}
		if in.URL != "" {
			member.URL = in.URL + MemberSep + f.Path
		}
		if reason := SkipReason(f.Path); reason != "" && !binaryFormat(Sniff(f.Path, "", f.Body)) {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s: skipped: %s", f.Path, reason))
			continue
		}
		inner, err := e.extractAll(member, depth+1)
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), "extract: "+member.Name+": ")
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s: %s", f.Path, msg))
			continue
		}
		docs = append(docs, inner...)
	}
	return docs, nil
}

// archiveFiles unpacks a zip or RAR archive within archive.DefaultLimits.
func archiveFiles(format Format, body []byte) ([]archive.File, []string, error) {
	if format == FormatRar {
		return archive.Rar(body, archive.DefaultLimits)
	}
	return archive.Zip(body, archive.DefaultLimits)
}

// readArchive makes the archive's own document: the list of its files as text and attachments.
// Limits are checked here too, so an archive beyond them is an error before anything is read.
func readArchive(doc *Document, format Format, in Input, name string) error {
	files, notes, err := archiveFiles(format, in.Body)
	if err != nil {
		return err
	}
	doc.Source.ContentType = "application/zip"
	if format == FormatRar {
		doc.Source.ContentType = "application/vnd.rar"
	}
	doc.Title = strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), path.Ext(name))
	var b strings.Builder
	b.WriteString(doc.Title + "\n")
	for _, f := range files {
		b.WriteString(f.Path + "\n")
		ref := name + MemberSep + f.Path
		if in.URL != "" {
			ref = in.URL + MemberSep + f.Path
		}
		doc.Attachments = append(doc.Attachments, Attachment{URL: ref, Name: f.Path, Type: strings.TrimPrefix(strings.ToLower(path.Ext(f.Path)), ".")})
	}
	doc.Text = b.String()
	doc.Warnings = append(doc.Warnings, notes...)
	if len(files) == 0 {
		doc.Warnings = append(doc.Warnings, "empty archive")
	}
	return nil
}

// binaryFormat reports whether a format was told by its content's magic, so a file inside an
// archive is read whatever its name says; text and HTML are guesses a picture can pass.
func binaryFormat(f Format) bool {
	return f != FormatUnknown && f != FormatText && f != FormatHTML
}
