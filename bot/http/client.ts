import axios, { type AxiosInstance } from 'axios';

/**
 * The HTTP client of every call to a platform (messages, webhooks, token
 * fetches): answers of any status come back to the caller, which maps them,
 * and a redirect is never followed — a 3xx is an answer like any other, so a
 * message or a credential never goes to a host the configuration did not name.
 */
export function platformHttp(baseURL?: string): AxiosInstance {
  return axios.create({ baseURL, timeout: 10_000, validateStatus: () => true, maxRedirects: 0 });
}
