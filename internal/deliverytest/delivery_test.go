//go:build !js

package deliverytest_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
	"sayso/internal/deliverytest"
	"sayso/internal/site"
)

// step is one thing a person does in the running app.
type step struct {
	name string
	run  func(t *testing.T, ctx context.Context)
}

// appSteps is the session every delivery goes through once the app is
// ready, with the network watched: add the paste / tag / export steps here
// and each delivery (workerd, local server, service worker offline, the
// offline file) runs them.
func appSteps() []step {
	return []step{
		{"the app is ready and shows no boot error", func(t *testing.T, ctx context.Context) {
			state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
				const e = document.getElementById("boot-error");
				return (e && !e.hidden && e.textContent) || document.body.dataset.ready;
			})()`))
			require.NoError(t, err)
			assert.Equal(t, "1", state)
		}},
		{"paste, tag, export and open again", func(t *testing.T, ctx context.Context) {
			p := &browsertest.Page{T: t, Ctx: ctx, Downloads: t.TempDir()}
			require.NoError(t, browsertest.AllowDownloads(ctx, p.Downloads))
			p.AcceptDialogs()
			p.Click("#paste-text")
			p.Type("Council vote\n\n“We will build it,” said Mayor Ana Lopez. 🚲 Critics said it was rushed.")
			p.Click(`[data-action="paste"]`)
			p.WaitFor(`!document.getElementById("workspace").hidden`)
			p.SelectText("Mayor Ana Lopez", 0)
			p.Press("s")
			p.SelectText("“We will build it,”", 0)
			p.Press("c")
			p.Press("1")
			p.Press("l")
			p.SelectText("it was rushed", 0)
			p.Press("c")
			p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 3`)
			p.Click("#export")
			data := p.WaitDownload("Council vote.sayso.json")
			assert.Contains(t, string(data), `"quote": "it was rushed"`)
			assert.Contains(t, string(data), `"stance": "favor"`)

			file := filepath.Join(t.TempDir(), "again.sayso.json")
			require.NoError(t, os.WriteFile(file, data, 0o644))
			p.Do(chromedp.SetUploadFiles("#open-file", []string{file}))
			p.WaitFor(`document.getElementById("message-text").textContent.startsWith("Opened “again.sayso.json”: 3 annotations")`)
		}},
	}
}

// runSession waits for the app, then runs appSteps and checks that they
// made no network request and broke no CSP rule.
func runSession(t *testing.T, ctx context.Context, reqs *deliverytest.Requests) {
	t.Helper()
	start := time.Now()
	require.NoError(t, browsertest.WaitReady(ctx))
	t.Logf("ready after %s", time.Since(start).Round(time.Millisecond))
	// Requests of the page load that come after readiness (the favicon)
	// are not the user's work: let them settle first.
	mark := reqs.Settle(500*time.Millisecond, 5*time.Second)
	for _, s := range appSteps() {
		t.Run(s.name, func(t *testing.T) { s.run(t, ctx) })
	}
	assert.Empty(t, deliverytest.Network(reqs.Since(mark)), "requests while working")
	violations, err := deliverytest.CSPViolations(ctx)
	require.NoError(t, err)
	assert.Empty(t, violations, "Content-Security-Policy violations")

	// The policy is enforced, not only sent: an inline script injected
	// into the page does not run, and is reported.
	ran, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(resolve => {
		const s = document.createElement("script");
		s.textContent = "window.__injected = true";
		document.body.appendChild(s);
		setTimeout(() => resolve(window.__injected === true), 200);
	})`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.False(t, ran, "an injected inline script must not run")
	violations, err = deliverytest.CSPViolations(ctx)
	require.NoError(t, err)
	require.Len(t, violations, 1)
	assert.Contains(t, violations[0], "script-src")
}

// openApp opens url in a fresh browser watching requests and CSP.
func openApp(t *testing.T, url string) (context.Context, *deliverytest.Requests) {
	t.Helper()
	ctx := browsertest.New(t)
	reqs, err := deliverytest.RecordRequests(ctx)
	require.NoError(t, err)
	require.NoError(t, deliverytest.WatchCSP(ctx))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(url)))
	return ctx, reqs
}

func TestWorkerUnderWranglerDev(t *testing.T) {
	base := deliverytest.Wrangler(t)
	siteDir := browsertest.SiteDir(t)
	index := readFile(t, filepath.Join(siteDir, "index.html"))
	wasmName := regexp.MustCompile(`data-wasm="([^"]+)"`).FindStringSubmatch(index)
	require.NotNil(t, wasmName, "index.html names its wasm")

	t.Run("serves the page with the site's headers", func(t *testing.T) {
		res, body := fetch(t, base+"/", "br, gzip")
		assert.Equal(t, http.StatusOK, res.StatusCode)
		assertSiteHeaders(t, res)
		assert.Equal(t, "text/html", mediaType(t, res))
		assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
		assert.Equal(t, index, string(body))
	})

	t.Run("serves every file of the site, compressed in transit", func(t *testing.T) {
		entries, err := os.ReadDir(siteDir)
		require.NoError(t, err)
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
				continue
			}
			t.Run(name, func(t *testing.T) {
				res, body := fetch(t, base+"/"+name, "br, gzip")
				if name == site.IndexName {
					// Workers static assets serve index.html as "/".
					assert.Contains(t, []int{http.StatusOK, http.StatusTemporaryRedirect}, res.StatusCode)
					return
				}
				if strings.HasSuffix(name, ".html") {
					// And other pages without their extension: the
					// offline file sayso.html is at /sayso.
					require.Equal(t, http.StatusTemporaryRedirect, res.StatusCode)
					require.Equal(t, "/"+strings.TrimSuffix(name, ".html"), res.Header.Get("Location"))
					res, body = fetch(t, base+res.Header.Get("Location"), "br, gzip")
				}
				assert.Equal(t, site.ContentDisposition(name), res.Header.Get("Content-Disposition"))
				assert.Equal(t, http.StatusOK, res.StatusCode)
				assertSiteHeaders(t, res)
				want, _, _ := mime.ParseMediaType(site.ContentType(name))
				assert.Equal(t, want, mediaType(t, res))
				assert.Equal(t, site.CacheControl(name), res.Header.Get("Cache-Control"))
				assert.Contains(t, []string{"br", "gzip"}, res.Header.Get("Content-Encoding"))
				assert.Equal(t, readFile(t, filepath.Join(siteDir, name)), string(body), "decoded bytes are the file")
			})
		}
		res, _ := fetch(t, base+"/"+wasmName[1], "br, gzip")
		assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	})

	t.Run("the Go worker answers what no asset does, with the same headers", func(t *testing.T) {
		tests := []struct {
			method, path string
			status       int
		}{
			{http.MethodGet, "/missing.js", http.StatusNotFound},
			{http.MethodGet, "/_headers", http.StatusNotFound},
			{http.MethodGet, "/.assetsignore", http.StatusNotFound},
			{http.MethodGet, "/" + wasmName[1] + ".br", http.StatusNotFound},
			{http.MethodPost, "/missing", http.StatusMethodNotAllowed},
		}
		for _, tt := range tests {
			t.Run(tt.method+" "+tt.path, func(t *testing.T) {
				req, err := http.NewRequest(tt.method, base+tt.path, nil)
				require.NoError(t, err)
				res, err := http.DefaultClient.Do(req)
				require.NoError(t, err)
				defer res.Body.Close()
				assert.Equal(t, tt.status, res.StatusCode)
				assertSiteHeaders(t, res)
			})
		}
		t.Run("POST to a page", func(t *testing.T) {
			res, err := http.Post(base+"/", "text/plain", strings.NewReader("x"))
			require.NoError(t, err)
			defer res.Body.Close()
			assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
			assertSiteHeaders(t, res)
		})
	})

	t.Run("never serves anything outside the site", func(t *testing.T) {
		addr := strings.TrimPrefix(base, "http://")
		for _, target := range []string{"/../go.mod", "/%2e%2e/go.mod", "/%2e%2e/", "//etc/passwd", "/..%2fgo.mod", "/..\\go.mod", "/%00"} {
			t.Run(target, func(t *testing.T) {
				status, body := rawGet(t, addr, target)
				assert.NotContains(t, body, "module sayso")
				assert.NotContains(t, body, "root:")
				if status == http.StatusOK {
					assert.Equal(t, index, body, "workerd normalises the path to the page")
				} else {
					assert.Contains(t, []int{http.StatusBadRequest, http.StatusNotFound, http.StatusTemporaryRedirect}, status)
				}
			})
		}
	})

	t.Run("the app runs from it in Chromium", func(t *testing.T) {
		ctx, reqs := openApp(t, base+"/")
		runSession(t, ctx, reqs)
	})
}

func TestLocalServerRunsTheApp(t *testing.T) {
	url := browsertest.Serve(t, site.Handler(os.DirFS(browsertest.SiteDir(t))))
	ctx, reqs := openApp(t, url+"/")
	runSession(t, ctx, reqs)

	t.Run("the app is installable", func(t *testing.T) {
		res, err := chromedp.Call(ctx, page.GetInstallabilityErrors, struct{}{})
		require.NoError(t, err)
		var ids []string
		for _, e := range res.InstallabilityErrors {
			ids = append(ids, e.ErrorID)
		}
		assert.Empty(t, ids)
	})
}

func TestServiceWorkerKeepsTheAppWorkingOffline(t *testing.T) {
	srv := httptest.NewServer(site.Handler(os.DirFS(browsertest.SiteDir(t))))
	t.Cleanup(srv.Close)
	ctx, reqs := openApp(t, srv.URL+"/")
	require.NoError(t, browsertest.WaitReady(ctx))
	require.NoError(t, deliverytest.WaitServiceWorker(ctx))

	srv.CloseClientConnections()
	srv.Close()
	res, err := http.Get(srv.URL + "/")
	if err == nil {
		res.Body.Close()
		t.Fatal("the server still answers")
	}

	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	runSession(t, ctx, reqs)
}

func TestOfflineFileWorksFromFileWithoutNetwork(t *testing.T) {
	ctx, reqs := openApp(t, deliverytest.OfflineFile(t))
	runSession(t, ctx, reqs)
	assert.Empty(t, deliverytest.Network(reqs.Since(0)), "requests from opening the file on")

	t.Run("nothing is loaded from elsewhere", func(t *testing.T) {
		scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](
			`document.querySelectorAll("script[src], link[href]:not([rel=icon])").length`))
		require.NoError(t, err)
		assert.Zero(t, scripts)
	})
}

// withoutWasm hides the site's wasm files.
type withoutWasm struct{ fs.FS }

func (w withoutWasm) Open(name string) (fs.File, error) {
	if strings.Contains(name, ".wasm") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

func TestBootShowsWhyTheAppCannotStart(t *testing.T) {
	url := browsertest.Serve(t, site.Handler(withoutWasm{os.DirFS(browsertest.SiteDir(t))}))
	ctx, _ := openApp(t, url+"/")
	err := browsertest.WaitReady(ctx)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "HTTP 404")
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const e = document.getElementById("boot-error");
		return e && !e.hidden ? e.textContent : "";
	})()`))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(shown, "Sayso could not start: could not load app."), shown)
}

// --- helpers ---

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(b)
}

// fetch GETs url with the given Accept-Encoding and returns the response
// and its decoded body.
func fetch(t *testing.T, url, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	client := &http.Client{
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	res, err := client.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var r io.Reader = res.Body
	switch res.Header.Get("Content-Encoding") {
	case "gzip":
		zr, err := gzip.NewReader(res.Body)
		require.NoError(t, err)
		r = zr
	case "br":
		r = brotli.NewReader(res.Body)
	}
	body, err := io.ReadAll(r)
	require.NoError(t, err)
	return res, body
}

func assertSiteHeaders(t *testing.T, res *http.Response) {
	t.Helper()
	assert.Equal(t, site.CSP, res.Header.Get("Content-Security-Policy"))
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	assert.Equal(t, "no-referrer", res.Header.Get("Referrer-Policy"))
}

func mediaType(t *testing.T, res *http.Response) string {
	t.Helper()
	mt, _, err := mime.ParseMediaType(res.Header.Get("Content-Type"))
	require.NoError(t, err, "Content-Type %q", res.Header.Get("Content-Type"))
	return mt
}

// rawGet sends the request target exactly as written.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(20*time.Second)))
	_, err = io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n")
	require.NoError(t, err)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(b)
}
