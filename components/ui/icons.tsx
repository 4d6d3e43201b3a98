import type { ReactNode } from "react";
import { lineIcon } from "@/components/ui/line-icon";

/** Small decorative line icons (aria-hidden: the text next to them carries the meaning). */
const icon = (shapes: ReactNode) => lineIcon(shapes, { size: "size-8", strokeWidth: 1.6 });

export const BroadcastIcon = icon(
  <>
    <circle cx="12" cy="12" r="2" />
    <path d="M8.5 8.5a5 5 0 0 0 0 7M15.5 8.5a5 5 0 0 1 0 7M5.6 5.6a9 9 0 0 0 0 12.8M18.4 5.6a9 9 0 0 1 0 12.8" />
  </>,
);

export const CalendarIcon = icon(
  <>
    <rect x="3.5" y="5" width="17" height="15" rx="2" />
    <path d="M3.5 9.5h17M8 3v4M16 3v4M8 13.5h2M14 13.5h2M8 16.5h2" />
  </>,
);

export const ReplayIcon = icon(
  <>
    <path d="M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4" />
    <path d="m10 9 5 3-5 3z" />
  </>,
);

export const CameraIcon = icon(
  <>
    <rect x="2.5" y="6" width="13" height="12" rx="2" />
    <path d="m15.5 10 6-3.5v11l-6-3.5" />
  </>,
);
