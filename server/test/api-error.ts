import { ApiError } from "@/server/http/errors";

/** The ApiError `p` rejects with. Success, or any other error, fails the test. */
export async function apiErrorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

/** "OK" when `p` resolves, else the code of the ApiError it rejects with (any other error fails the test). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof ApiError) return err.code;
    throw err;
  }
}
