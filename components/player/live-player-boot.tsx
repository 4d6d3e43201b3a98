import { liveBootScript } from "@/lib/media/live-boot-script";
import { scriptNonce } from "@/server/web/script-nonce";

/**
 * Starts the live player as soon as the browser parses this point of the page, before hydration
 * (lib/media/live-boot-script.ts). Rendered right after the live `<video>`, which must come first.
 */
export async function LivePlayerBoot({ hlsUrl }: { hlsUrl: string }) {
  const nonce = await scriptNonce();
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: liveBootScript(hlsUrl) }} />;
}
