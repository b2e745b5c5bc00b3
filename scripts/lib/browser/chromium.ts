/**
 * Debian's Chromium, driven by playwright-core, for the tests and the benchmarks
 * against a local wiki.
 * Screenshots go to test-artifacts/ so a person can look at what users see.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, Browser, BrowserContext, Page } from 'playwright-core';

export const ARTIFACTS = resolve( 'test-artifacts' );

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch( {
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync',
		],
	} );
}

export interface SessionOptions {
	/** Mobile viewport and user agent (for Minerva). */
	mobile?: boolean;
	locale?: string;
}

export async function newSession( browser: Browser, options: SessionOptions = {} ): Promise<BrowserContext> {
	const context = await browser.newContext( options.mobile ? {
		viewport: { width: 390, height: 844 },
		userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
		isMobile: true,
		hasTouch: true,
		locale: options.locale || 'en-GB',
	} : { viewport: { width: 1280, height: 900 }, locale: options.locale || 'en-GB' } );
	context.setDefaultTimeout( 30000 );
	return context;
}

/** Log in through Special:UserLogin, as a person would. */
export async function logIn( page: Page, indexUrl: string, username: string, password: string ): Promise<void> {
	await page.goto( indexUrl + '?title=Special:UserLogin&useskin=vector-2022' );
	await page.fill( '#wpName1', username );
	await page.fill( '#wpPassword1', password );
	await Promise.all( [
		page.waitForNavigation(),
		page.click( '#wpLoginAttempt' ),
	] );
	const name = await page.evaluate( () => ( window as unknown as { mw: { config: { get( key: string ): unknown } } } ).mw.config.get( 'wgUserName' ) );
	if ( name !== username ) {
		throw new Error( `Login as ${ username } failed (logged in as ${ String( name ) })` );
	}
}

export async function screenshot( page: Page, name: string ): Promise<string> {
	mkdirSync( ARTIFACTS, { recursive: true } );
	const path = resolve( ARTIFACTS, name + '.png' );
	await page.screenshot( { path: path, fullPage: true } );
	return path;
}
