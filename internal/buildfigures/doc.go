// Package buildfigures holds no code: its test holds the figures
// README.md states about the build (the offline file's size, the
// WebAssembly's brotli size, the Worker's upload) to what `make site
// dist worker-build` actually writes, within a stated tolerance, so that
// a figure cannot drift from the truth unnoticed.
package buildfigures
