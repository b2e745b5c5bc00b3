/**
 * Logged-in browser sessions of the local wiki's people, logging in through the
 * wiki's form once per test file and reusing the cookies after that.
 */
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import type { LocalWiki, LocalWikiUser } from '../../local-wiki/index';
import { logIn, newSession, SessionOptions } from './chromium';

/** The account of one of the local wiki's people. */
export function account( wiki: LocalWiki, username: string ): LocalWikiUser {
	const found = wiki.credentials.users.find( ( user ) => user.username === username );
	if ( !found ) {
		throw new Error( `The test wiki has no user ${ username }` );
	}
	return found;
}

/** Session cookies by wiki and user: logging in through the form once per test file is enough. */
const sessionCookies = new Map<string, Cookie[]>();

export interface RequesterSession {
	context: BrowserContext;
	page: Page;
}

/**
 * A fresh browser context (empty storage, so no draft) logged in as `username`,
 * with one page open. Close the context at the end of the test.
 */
export async function loggedInSession(
	browser: Browser, wiki: LocalWiki, username: string, options: SessionOptions = {},
): Promise<RequesterSession> {
	const context = await newSession( browser, options );
	const page = await context.newPage();
	const key = wiki.apiUrl + '\n' + username;
	const cookies = sessionCookies.get( key );
	if ( cookies ) {
		await context.addCookies( cookies );
	} else {
		await logIn( page, wiki.indexUrl, username, account( wiki, username ).password );
		sessionCookies.set( key, await context.cookies() );
	}
	return { context: context, page: page };
}
