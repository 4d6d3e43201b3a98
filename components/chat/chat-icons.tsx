import type { ReactNode } from "react";
import { lineIcon } from "@/components/ui/line-icon";

/** Small line icons for the chat panel (aria-hidden: the text next to them carries the meaning). */
const chatIcon = (shapes: ReactNode, size = "size-4") => lineIcon(shapes, { size, strokeWidth: 1.8 });

type TIconProps = { className?: string };

export const MegaphoneIcon = chatIcon(
  <>
    <path d="M3 10.5v3a1 1 0 0 0 1 1h2l7 4.5v-14L6 9.5H4a1 1 0 0 0-1 1Z" />
    <path d="M16.5 8.5a4.5 4.5 0 0 1 0 7M19 6a8 8 0 0 1 0 12" />
  </>,
);

export const EyeIcon = chatIcon(
  <>
    <path d="M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12Z" />
    <circle cx="12" cy="12" r="2.75" />
  </>,
);

export const GroupsIcon = chatIcon(
  <>
    <circle cx="8" cy="9" r="3" />
    <circle cx="16.5" cy="10" r="2.5" />
    <path d="M2.5 19c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5M14 15c2.9-.6 6 .6 7 4" />
  </>,
);

export const CloseIcon = chatIcon(<path d="m6 6 12 12M18 6 6 18" />);

export function DotsIcon({ className = "size-4" }: TIconProps) {
  return (
    <svg aria-hidden="true" className={className} viewBox="0 0 24 24" fill="currentColor">
      <circle cx="5" cy="12" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <circle cx="19" cy="12" r="1.8" />
    </svg>
  );
}

export const ArrowDownIcon = chatIcon(<path d="M12 5v14M6 13l6 6 6-6" />);

export const ChatBubbleIcon = chatIcon(
  <>
    <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H10l-4.5 4v-4h0A1.5 1.5 0 0 1 4 14.5Z" />
    <path d="M8 9h8M8 12h5" />
  </>,
  "size-8",
);

export const SendIcon = chatIcon(
  <>
    <path d="M4.5 12 3 4.5l18 7.5-18 7.5Z" />
    <path d="M4.5 12H11" />
  </>,
);
