import type { MetadataRoute } from "next";

/** The web app manifest (served at /manifest.webmanifest): installable on a phone's home screen, icons in public/. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "AutoCoach",
    short_name: "AutoCoach",
    description: "Your Peloton rides and runs, at full fidelity, next to your TrainingPeaks training.",
    start_url: "/dashboard",
    display: "standalone",
    background_color: "#f7f8fa",
    theme_color: "#d42a43",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
