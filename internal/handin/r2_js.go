//go:build js && wasm

package handin

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/syumai/workers/cloudflare/r2"
)

// R2Files keeps Files in a Cloudflare R2 bucket (the Worker's binding).
type R2Files struct {
	bucket *r2.Bucket
}

// NewR2Files returns the files of the R2 bucket bound as binding.
func NewR2Files(binding string) (*R2Files, error) {
	b, err := r2.NewBucket(binding)
	if err != nil {
		return nil, fmt.Errorf("R2 bucket %s: %w", binding, err)
	}
	return &R2Files{bucket: b}, nil
}

func (f *R2Files) Put(_ context.Context, key string, data []byte) error {
	_, err := f.bucket.Put(key, io.NopCloser(bytes.NewReader(data)), &r2.PutOptions{
		HTTPMetadata: r2.HTTPMetadata{ContentType: "application/json"},
	})
	if err != nil {
		return fmt.Errorf("put %s into R2: %w", key, err)
	}
	return nil
}

func (f *R2Files) Get(_ context.Context, key string) ([]byte, error) {
	obj, err := f.bucket.Get(key)
	if err != nil {
		return nil, fmt.Errorf("get %s from R2: %w", key, err)
	}
	if obj == nil {
		return nil, fmt.Errorf("get %s from R2: %w", key, ErrNotFound)
	}
	b, err := io.ReadAll(obj.Body)
	if err != nil {
		return nil, fmt.Errorf("read %s from R2: %w", key, err)
	}
	return b, nil
}

func (f *R2Files) Delete(_ context.Context, key string) error {
	if err := f.bucket.Delete(key); err != nil {
		return fmt.Errorf("delete %s from R2: %w", key, err)
	}
	return nil
}
