import { apiError } from "@/server/http/errors";

/** Unknown API paths answer the contract's JSON error, not an HTML page. */
function notFound() {
  return apiError(404, "NOT_FOUND", "There is no API endpoint at this path.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
