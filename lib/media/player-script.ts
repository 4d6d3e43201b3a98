import hlsPackage from "hls.js/package.json";

/**
 * Where the web tier serves hls.js's light build as a plain script (server/web/player-script.ts), for the
 * live page's boot script. The version is in the path, so the file is cached for good and an upgrade of
 * hls.js changes the address. The light build has everything a live show needs (LL-HLS, fMP4, AAC); it
 * leaves out subtitles, alternate audio, DRM and CMCD.
 */
export const PLAYER_SCRIPT_PATH = `/player/hls-${hlsPackage.version}.light.min.js`;
