package results

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Format prints v in unit u: "1046.7 kB", "31.2 MiB", "12.3 ms", "0.42×",
// "12,345".
func Format(u Unit, v float64) string {
	switch u {
	case Bytes:
		switch {
		case v < 10_000:
			return fmt.Sprintf("%.0f B", v)
		case v < 10_000_000:
			return fmt.Sprintf("%.1f kB", v/1000)
		default:
			return fmt.Sprintf("%.2f MB", v/1_000_000)
		}
	case BytesBinary:
		return fmt.Sprintf("%.1f MiB", v/(1<<20))
	case Millis:
		if v >= 1000 {
			return fmt.Sprintf("%.0f ms", v)
		}
		return fmt.Sprintf("%.1f ms", v)
	case Ratio:
		return fmt.Sprintf("%.2f×", v)
	default:
		return thousands(int64(math.Round(v)))
	}
}

// thousands writes n with comma separators.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Table prints the figures as one table: figure, median, min, max, target
// and whether the target is met.
func Table(w io.Writer, figs []Figure) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tmedian\tmin\tmax\truns\ttarget\tmet?")
	fmt.Fprintln(tw, "------\t------\t---\t---\t----\t------\t----")
	for _, f := range figs {
		target, met := "", ""
		if f.Target != nil {
			target = "≤ " + Format(f.Unit, f.Target.Max)
		}
		if f.Met != nil {
			met = "yes"
			if !*f.Met {
				met = "NO"
			}
		}
		if f.N == 0 {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t0\t%s\t%s\n", f.Name, target, "not measured")
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", f.Name,
			Format(f.Unit, f.Median), Format(f.Unit, f.Min), Format(f.Unit, f.Max), f.N, target, met)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("print table: %w", err)
	}
	return nil
}

// Markdown prints the figures as a Markdown table (for the README).
func Markdown(w io.Writer, figs []Figure) error {
	var b strings.Builder
	b.WriteString("| figure | median | min | max | target | met? |\n| --- | ---: | ---: | ---: | --- | --- |\n")
	for _, f := range figs {
		target, met := "", ""
		if f.Target != nil {
			target = "≤ " + Format(f.Unit, f.Target.Max)
		}
		if f.Met != nil {
			met = "yes"
			if !*f.Met {
				met = "**no**"
			}
		}
		if f.N == 0 {
			fmt.Fprintf(&b, "| %s | - | - | - | %s | not measured |\n", mdEscape.Replace(f.Name), target)
			continue
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdEscape.Replace(f.Name),
			Format(f.Unit, f.Median), Format(f.Unit, f.Min), Format(f.Unit, f.Max), target, met)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("print markdown: %w", err)
	}
	return nil
}
