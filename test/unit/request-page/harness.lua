-- Runs Module:Helpdesk request outside MediaWiki, for request-page.test.ts, as
-- test/unit/views/harness.lua does for the views: Scribunto's own mw.text and
-- mw.html (pure Lua), and stubs of what needs PHP (mw.loadJsonData over the tables
-- in PAGES, mw.language, the frame). Globals set by the test before this runs:
-- LUALIB (Scribunto's lualib folder), MODULE (path of the module), PAGES (title →
-- table), READER (what {{int:helpdesk-views-lang}} gives), JANUARY (what
-- {{int:january}} gives), TODAY (YYYY-MM-DD), PARENT_ARGS (the calling template's
-- arguments).
package.path = LUALIB .. '/?.lua;' .. LUALIB .. '/ustring/?.lua;' .. package.path

-- Scribunto's pairs and ipairs honour __pairs and __ipairs (read-only data tables).
local rawpairs, rawipairs = pairs, ipairs
function pairs( t )
	local mt = getmetatable( t )
	if mt and mt.__pairs then
		return mt.__pairs( t )
	end
	return rawpairs( t )
end
function ipairs( t )
	local mt = getmetatable( t )
	if mt and mt.__ipairs then
		return mt.__ipairs( t )
	end
	return rawipairs( t )
end

mw = {}
mw.ustring = require( 'ustring' )
mw_interface = {}
dofile( LUALIB .. '/mw.text.lua' ).setupInterface( { nowiki_protocols = {} } )
mw_interface = {}
mw.html = dofile( LUALIB .. '/mw.html.lua' )
mw.html.setupInterface( { uniqPrefix = '\127\'"`UNIQ-', uniqSuffix = '-QINU`"\'\127' } )

-- A read-only view of a table, as mw.loadJsonData gives: # and next() do not work on it.
local function readOnly( data )
	if type( data ) ~= 'table' then
		return data
	end
	return setmetatable( {}, {
		__index = function ( _, key ) return readOnly( data[ key ] ) end,
		__newindex = function () error( 'table from mw.loadJsonData() must not be modified' ) end,
		__pairs = function ()
			return function ( _, key )
				local k, v = next( data, key )
				return k, readOnly( v )
			end, nil, nil
		end,
		__ipairs = function ()
			return function ( _, i )
				i = i + 1
				if data[ i ] ~= nil then
					return i, readOnly( data[ i ] )
				end
			end, nil, 0
		end,
	} )
end

LOADS = {}
function mw.loadJsonData( title )
	LOADS[ title ] = ( LOADS[ title ] or 0 ) + 1
	if PAGES[ title ] == nil then
		error( "bad argument #1 to 'mw.loadJsonData' ('" .. title .. "' is not a valid JSON page)" )
	end
	return readOnly( PAGES[ title ] )
end

local NAMES = {
	sv = { sv = 'svenska', en = 'Swedish', ar = 'السويدية' },
	ar = { sv = 'arabiska', en = 'Arabic', ar = 'العربية' },
	en = { sv = 'engelska', en = 'English', ar = 'الإنجليزية' },
}

mw.language = {
	new = function ( code )
		return {
			formatDate = function ( _, format, date )
				if not date:match( '^%d%d%d%d%-%d%d%-%d%d' ) then
					error( 'bad date' )
				end
				return '(' .. code .. ' date ' .. date:sub( 1, 10 ) .. ')'
			end,
			isRTL = function () return code == 'ar' end,
			getCode = function () return code end,
		}
	end,
	fetchLanguageName = function ( code, inLanguage )
		return NAMES[ code ] and NAMES[ code ][ inLanguage ] or ''
	end,
}

request = dofile( MODULE )

PREPROCESSED = {}
function frame( args )
	return {
		args = args or {},
		-- The template that calls the module (Template:Helpdesk request), with PARENT_ARGS.
		getParent = function ()
			return { args = PARENT_ARGS or {} }
		end,
		preprocess = function ( _, text )
			table.insert( PREPROCESSED, text )
			if text == '{{int:helpdesk-views-lang}}' then
				return READER or 'en'
			elseif text == '{{int:january}}' then
				return JANUARY or 'January'
			elseif text == '{{CURRENTYEAR}}-{{CURRENTMONTH}}-{{CURRENTDAY2}}' then
				return TODAY or '2026-11-30'
			end
			return text
		end,
	}
end
