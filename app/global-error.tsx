"use client";
// Replaces the root layout when the layout itself fails, so no i18n provider is available: both languages inline.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          display: "grid",
          placeItems: "center",
          minHeight: "100vh",
          margin: 0,
        }}
      >
        <main style={{ textAlign: "center", padding: 24 }}>
          <h1>Something went wrong · 문제가 발생했습니다</h1>
          <p>Please try again in a moment. · 잠시 후 다시 시도해 주세요.</p>
          <button type="button" onClick={reset} style={{ padding: "8px 16px", marginTop: 12 }}>
            Try again · 다시 시도
          </button>
        </main>
      </body>
    </html>
  );
}
