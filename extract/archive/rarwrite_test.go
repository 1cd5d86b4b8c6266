package archive

import (
	"encoding/binary"
	"hash/crc32"
)

// The RAR writers of the tests. RAR archives are written only by the proprietary rar tool, so the
// tests write their own, after the RAR 5.0 technical note (rarlab.com/technote.htm) and the RAR 4
// layout (unrar's headers.hpp): stored files, and for the bombs a RAR 5 compressed stream of zeros.
// rardecode reading them back is the independent check of the writers.

type rarFile struct {
	name        string
	body        []byte
	dir         bool
	encrypted   bool   // a RAR 5 encryption record (the data is not really encrypted)
	unknownSize bool   // RAR 5: the unpacked size is not stored
	size        int64  // the unpacked size stored, when not len(body) (a lie)
	zeros       int64  // RAR 5: compressed data that unpacks to this many zero bytes, instead of body
	packed      []byte // RAR 5: compressed data as it is, instead of body
	split       uint64 // RAR 5 block flags 0x08 (continued from the previous part), 0x10 (continued in the next)
}

// RAR 5 archive flags.
const (
	rar5Volume = 0x0001
	rar5Solid  = 0x0004
)

// rar5 writes a RAR 5 archive of files with the given archive flags.
func rar5(arcFlags uint64, files ...rarFile) []byte {
	out := []byte("Rar!\x1a\x07\x01\x00")
	out = append(out, rar5Block(1, 0, uv(nil, arcFlags), nil, nil)...)
	for _, f := range files {
		data, comp := f.body, uint64(0)
		if f.zeros > 0 {
			f.packed = zerosRAR5(f.zeros)
		}
		if f.packed != nil {
			data, comp = f.packed, 3<<7 // method 3 (normal), RAR 5 algorithm, 128 KB window
		}
		size := int64(len(f.body))
		if f.zeros > 0 {
			size = f.zeros
		}
		if f.size > 0 {
			size = f.size
		}
		flags := uint64(0)
		if f.dir {
			flags |= 0x0001
		} else if f.packed == nil {
			flags |= 0x0004 // data CRC32 present
		}
		if f.unknownSize {
			flags |= 0x0008
		}
		fields := uv(nil, flags)
		fields = uv(fields, uint64(size))
		fields = uv(fields, 0x20) // attributes: archive
		if flags&0x0004 != 0 {
			fields = binary.LittleEndian.AppendUint32(fields, crc32.ChecksumIEEE(f.body))
		}
		fields = uv(fields, comp)
		fields = uv(fields, 0) // host OS: Windows
		fields = uv(fields, uint64(len(f.name)))
		fields = append(fields, f.name...)
		var extra []byte
		if f.encrypted {
			rec := uv(nil, 0x01)                   // record type: file encryption
			rec = uv(rec, 0)                       // version: AES-256
			rec = uv(rec, 0)                       // flags: no password check
			rec = append(rec, 15)                  // KDF count
			rec = append(rec, make([]byte, 32)...) // salt and IV
			extra = append(uv(nil, uint64(len(rec))), rec...)
		}
		out = append(out, rar5Block(2, f.split, fields, extra, data)...)
	}
	end := uint64(0)
	if arcFlags&rar5Volume != 0 {
		end = 1 // not the last volume
	}
	return append(out, rar5Block(5, 0, uv(nil, end), nil, nil)...)
}

// rar5Block writes a block: header CRC32, header size, type, flags, extra area size and data size
// when present, the type's fields, the extra area; then the data.
func rar5Block(typ, flags uint64, fields, extra, data []byte) []byte {
	if len(extra) > 0 {
		flags |= 0x0001
	}
	if len(data) > 0 {
		flags |= 0x0002
	}
	h := uv(uv(nil, typ), flags)
	if len(extra) > 0 {
		h = uv(h, uint64(len(extra)))
	}
	if len(data) > 0 {
		h = uv(h, uint64(len(data)))
	}
	h = append(append(h, fields...), extra...)
	sized := append(uv(nil, uint64(len(h))), h...)
	out := binary.LittleEndian.AppendUint32(nil, crc32.ChecksumIEEE(sized))
	return append(append(out, sized...), data...)
}

// uv appends a RAR 5 vint: 7 bits a byte, low bits first, the high bit set on all but the last.
func uv(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

// zerosRAR5 returns one compressed block that unpacks to n zero bytes, as a bomb is built: a
// literal zero, a match of 4097 bytes at distance 1, that match repeated at one bit each, and
// literal zeros for the rest. Its Huffman tables hold only the symbols used: main table literal 0
// (code 10), repeat-last-match 257 (0) and length slot 43 (11); distance slot 0 (0).
func zerosRAR5(n int64) []byte {
	var w bitWriter
	// The table of code lengths for the tables: all 20 symbols 5 bits long, so symbol s is code s.
	for range 20 {
		w.write(5, 4)
	}
	lengths := make([]byte, 306+64+16+44) // main, distance, low distance, length tables
	lengths[0], lengths[257], lengths[305] = 2, 1, 2
	lengths[306] = 1
	for i := 0; i < len(lengths); {
		if lengths[i] != 0 {
			w.write(uint64(lengths[i]), 5)
			i++
			continue
		}
		run := 0
		for i+run < len(lengths) && lengths[i+run] == 0 && run < 138 {
			run++
		}
		switch {
		case run >= 11:
			w.write(19, 5) // zeros, 11 + 7 bits
			w.write(uint64(run-11), 7)
		case run >= 3:
			w.write(18, 5) // zeros, 3 + 3 bits
			w.write(uint64(run-3), 3)
		default:
			run = 1
			w.write(0, 5)
		}
		i += run
	}
	const match = 4097
	w.write(0b10, 2) // literal 0
	n--
	if n >= match {
		w.write(0b11, 2) // length slot 43: 3584 + 9 bits …
		w.write(511, 9)  // … + 511 + 2 = 4097
		w.write(0, 1)    // distance slot 0: distance 1
		for n -= match; n >= match; n -= match {
			w.write(0, 1) // the last match again
		}
	}
	for ; n > 0; n-- {
		w.write(0b10, 2)
	}
	bits := w.n
	body := w.bytes()
	// Block header: flags (table present, last block, size bytes − 1, bits of the last byte − 1),
	// checksum, size in bytes.
	var size []byte
	for v := len(body); v > 0; v >>= 8 {
		size = append(size, byte(v))
	}
	flags := byte(0xC0) | byte(len(size)-1)<<3 | byte((bits-1)%8)
	sum := 0x5A ^ flags
	for _, b := range size {
		sum ^= b
	}
	return append(append([]byte{flags, sum}, size...), body...)
}

// bitWriter writes bits most significant first.
type bitWriter struct {
	buf []byte
	n   int // bits written
}

func (w *bitWriter) write(v uint64, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		if v>>i&1 != 0 {
			w.buf[len(w.buf)-1] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}

func (w *bitWriter) bytes() []byte { return w.buf }

// rar4 writes a RAR 4 archive of stored files whose names are given as they are stored (OEM bytes
// such as GBK, as Chinese Windows wrote them).
func rar4(files ...rarFile) []byte {
	out := []byte("Rar!\x1a\x07\x00")
	out = append(out, rar4Block(0x73, 0, make([]byte, 6))...) // main header: reserved fields
	for _, f := range files {
		fields := binary.LittleEndian.AppendUint32(nil, uint32(len(f.body))) // packed size
		fields = binary.LittleEndian.AppendUint32(fields, uint32(len(f.body)))
		fields = append(fields, 2) // host OS: Windows
		fields = binary.LittleEndian.AppendUint32(fields, crc32.ChecksumIEEE(f.body))
		fields = binary.LittleEndian.AppendUint32(fields, 0x58210000) // DOS time: 2024-01-01
		fields = append(fields, 29, 0x30)                             // version 2.9, method: stored
		fields = binary.LittleEndian.AppendUint16(fields, uint16(len(f.name)))
		fields = binary.LittleEndian.AppendUint32(fields, 0x20)
		fields = append(fields, f.name...)
		out = append(out, rar4Block(0x74, 0x8000, fields)...) // 0x8000: a data size follows
		out = append(out, f.body...)
	}
	return append(out, rar4Block(0x7B, 0x4000, nil)...)
}

// rar4Block writes a block header: the low 16 bits of the CRC32 of the rest, type, flags, size.
func rar4Block(typ byte, flags uint16, fields []byte) []byte {
	h := []byte{typ}
	h = binary.LittleEndian.AppendUint16(h, flags)
	h = binary.LittleEndian.AppendUint16(h, uint16(7+len(fields)))
	h = append(h, fields...)
	return append(binary.LittleEndian.AppendUint16(nil, uint16(crc32.ChecksumIEEE(h))), h...)
}
