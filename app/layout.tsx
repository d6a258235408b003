import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import localFont from "next/font/local";
import "./globals.css";


export const metadata: Metadata = {
  title: { default: "AutoCoach", template: "%s · AutoCoach" },
  description: "Your Peloton rides and runs, at full fidelity, next to your TrainingPeaks training.",
  // public/ (scripts/make-icons.ts); the manifest is app/manifest.ts
  // No SVG icon here (the manifest keeps it for installed apps): a browser draws a page's SVG favicon by building an
  // SVG document on the page's main thread (4–16 ms a load on desktop Chromium); favicon.ico carries 16, 32 and 48 px.
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "48x48" }],
    apple: "/apple-touch-icon.png",
  },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f8fa" },
    { media: "(prefers-color-scheme: dark)", color: "#0d1117" },
  ],
};

// The one web font (scripts/make-font.ts); `optional`: text never waits for it and never re-flows when it arrives late (a slow first visit keeps the system font).
// No metric-adjusted fallback face (`adjustFontFallback`): with `display: optional` the font never swaps in after the
// first paint, so there is no shift for it to prevent, and its `src: local(Arial)` cost a synchronous font lookup in
// the browser process on each page's first layout (5–60 ms unthrottled on Linux; docs/quality.md).
const inter = localFont({ src: "./fonts/inter-latin-400-700.woff2", variable: "--font-inter", display: "optional", weight: "400 700", adjustFontFallback: false });

// Applies the saved or system theme before first paint (no flash, no layout shift).
const themeScript = `(()=>{try{const t=localStorage.getItem("theme");const d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch{}})()`;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The per-request CSP nonce from proxy.ts (docs/security.md); reading it renders every page per request.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh font-sans antialiased">
        {children}
      </body>
    </html>
  );
}
