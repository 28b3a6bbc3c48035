<?xml version="1.0" encoding="UTF-8"?>
<!--
  Portico page chrome.

  Every view stylesheet (xslt/<worker>/<view>.xsl) imports this file and
  defines <xsl:template match="page" mode="content"> for the body of <main>.
  The runtime then imports the configured theme (xslt/themes/<theme>/theme.xsl)
  after the view, so the theme's named templates win over the defaults here:

    theme-head       extra elements at the end of <head> (links, meta)
    theme-favicon    the icon links in <head>
    theme-logo       the logo inside the home link of the header
    theme-site-name  the site name next to the logo
    theme-footer     the content of <footer>
  (the start page adds theme-start-customer|partner|agent|admin, the mails
  theme-mail-header and the $theme-mail-* colours: see xslt/README).
  The site name in <title>, header, footer and mails is the catalogue key
  site.name, which a theme sets in its own catalogue.

  A view may also override, with match="page":
    mode="title"     the view part of <title> (default: pt:t('title.<view>'))
    mode="messages"  where the message boxes go (default: top of <main>)

  The header (brand, search, language switch, user box, the main
  navigation and the compact menu of narrow screens) is drawn from
  /page/session and /page/nav, which the runtime fills (nav.c).

  Helpers for views: named templates pt-messages, pt-message-text,
  pt-field-errors, pt-field-aria, pt-maxlength,
  pt-replace, pt-datetime, pt-status-page (see below).

  Rules: never turn off output escaping, no inline script, no style or on*
  attributes (the Content-Security-Policy is default-src 'self').
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- The signed-in user (empty node-set when anonymous) and the CSRF token
       every form carries. -->
  <xsl:variable name="pt-user" select="/page/session/user"/>
  <xsl:variable name="pt-csrf" select="string(/page/session/@csrf)"/>

  <xsl:template match="/">
    <xsl:apply-templates select="page"/>
  </xsl:template>

  <xsl:template match="/page">
    <xsl:variable name="lang">
      <xsl:choose>
        <xsl:when test="string(@lang) != ''"><xsl:value-of select="@lang"/></xsl:when>
        <xsl:otherwise>en</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="theme">
      <xsl:choose>
        <xsl:when test="string(@theme) != ''"><xsl:value-of select="@theme"/></xsl:when>
        <xsl:otherwise>default</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <html lang="{$lang}">
      <head>
        <!-- libxslt's HTML serializer adds this meta itself when it is
             missing (and would then duplicate a <meta charset>). -->
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:apply-templates select="." mode="title"/>
          <xsl:text> – </xsl:text>
          <xsl:value-of select="pt:t('site.name')"/>
        </title>
        <link rel="stylesheet" href="/static/css/portico.css"/>
        <link rel="stylesheet" href="/static/themes/{$theme}/theme.css"/>
        <link rel="stylesheet" href="/static/css/print.css" media="print"/>
        <xsl:call-template name="theme-favicon"/>
        <script src="/static/js/portico.js" defer="defer"></script>
        <xsl:apply-templates select="." mode="head"/>
        <xsl:call-template name="theme-head"/>
      </head>
      <body class="view-{@view}">
        <a class="skip-link" href="#main"><xsl:value-of select="pt:t('skip.to.content')"/></a>
        <header>
          <xsl:attribute name="class">
            <xsl:text>site-header</xsl:text>
            <xsl:if test="$pt-user"> is-signed-in</xsl:if>
          </xsl:attribute>
          <div class="container header-bar">
            <a class="brand" href="/">
              <xsl:call-template name="theme-logo"/>
              <xsl:call-template name="theme-site-name"/>
            </a>
            <div class="header-tools wide-only">
              <xsl:call-template name="pt-header-search">
                <xsl:with-param name="id" select="'header-q'"/>
              </xsl:call-template>
              <xsl:call-template name="pt-language-switcher"/>
            </div>
            <xsl:call-template name="pt-user-box"/>
            <xsl:call-template name="pt-compact-menu"/>
          </div>
          <xsl:if test="$pt-user">
            <xsl:call-template name="pt-primary-nav"/>
          </xsl:if>
        </header>
        <main id="main" class="site-main" tabindex="-1">
          <div class="container">
            <xsl:apply-templates select="." mode="messages"/>
            <xsl:apply-templates select="." mode="content"/>
          </div>
        </main>
        <footer class="site-footer">
          <div class="container">
            <xsl:call-template name="theme-footer"/>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- View part of the document title; views may override. -->
  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t(concat('title.', @view))"/>
  </xsl:template>

  <!-- Where the messages go: above the content. A view that shows them
       elsewhere overrides this with an empty template and calls
       pt-messages itself. -->
  <xsl:template match="page" mode="messages">
    <xsl:call-template name="pt-messages"/>
  </xsl:template>

  <!-- A view that forgot its content template still renders a valid page. -->
  <xsl:template match="page" mode="content">
    <h1><xsl:apply-templates select="." mode="title"/></h1>
  </xsl:template>

  <!-- ================= theme hooks (override in themes/<t>/theme.xsl) ==== -->

  <xsl:template name="theme-head"/>

  <xsl:template name="theme-favicon">
    <link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>
    <link rel="alternate icon" href="/favicon.ico" sizes="32x32"/>
  </xsl:template>

  <!-- A view's own extra <head> elements, e.g. the stylesheet of its area:
       <xsl:template match="page" mode="head"><link rel="stylesheet" href="/static/css/admin.css"/></xsl:template> -->
  <xsl:template match="page" mode="head"/>

  <xsl:template name="theme-logo">
    <img class="brand-logo" src="/static/img/logo.svg" alt="" width="40" height="40"/>
  </xsl:template>

  <xsl:template name="theme-site-name">
    <span class="brand-text">
      <span class="brand-name"><xsl:value-of select="pt:t('site.name')"/></span>
    </span>
  </xsl:template>

  <xsl:template name="theme-footer">
    <div class="footer-grid">
      <div class="footer-brand">
        <p class="footer-title"><xsl:value-of select="pt:t('site.name')"/></p>
        <p><xsl:value-of select="pt:t('site.tagline')"/></p>
      </div>
      <div class="footer-meta">
        <p><xsl:value-of select="pt:t('footer.help')"/></p>
      </div>
    </div>
  </xsl:template>

  <!-- ================= header parts ===================================== -->

  <!-- One form, one submit button per language; the pressed one is active.
       Needs a CSRF token, so it is left out when there is none. -->
  <xsl:template name="pt-language-switcher">
    <xsl:variable name="current" select="string(/page/@lang)"/>
    <xsl:if test="count(/page/languages/language) &gt; 1 and $pt-csrf != ''">
      <form class="lang-switch" method="post" action="/auth/language">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <input type="hidden" name="next" value="{/page/@path}"/>
        <fieldset>
          <legend class="visually-hidden"><xsl:value-of select="pt:t('lang.switch')"/></legend>
          <xsl:for-each select="/page/languages/language">
            <button type="submit" name="lang" value="{@code}" class="lang-button">
              <xsl:choose>
                <xsl:when test="@code = $current">
                  <xsl:attribute name="aria-pressed">true</xsl:attribute>
                  <xsl:attribute name="aria-current">true</xsl:attribute>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:attribute name="aria-pressed">false</xsl:attribute>
                </xsl:otherwise>
              </xsl:choose>
              <span lang="{@code}"><xsl:value-of select="pt:t(concat('lang.', @code))"/></span>
            </button>
          </xsl:for-each>
        </fieldset>
      </form>
    </xsl:if>
  </xsl:template>

  <!-- The knowledge base search: a GET form to /kb/search, for everyone
       who may read the knowledge base (anonymous visitors too). $id names
       the input, as the form is drawn twice (header and compact menu). -->
  <xsl:template name="pt-header-search">
    <xsl:param name="id"/>
    <xsl:if test="not($pt-user) or /page/nav/section[@name = 'kb']">
      <form class="header-search" method="get" action="/kb/search" role="search"
          aria-label="{pt:t('nav.search.label')}">
        <label class="visually-hidden" for="{$id}"><xsl:value-of select="pt:t('nav.search.label')"/></label>
        <input id="{$id}" name="q" type="search" autocomplete="off"
            placeholder="{pt:t('nav.search.placeholder')}">
          <!-- On the search page the header says what was searched. -->
          <xsl:if test="/page/@view = 'search' and string(/page/search/@q) != ''">
            <xsl:attribute name="value"><xsl:value-of select="/page/search/@q"/></xsl:attribute>
          </xsl:if>
          <!-- The kb worker's limit, which every page carries (PT_SEARCH_MAX_CHARS). -->
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'search'"/></xsl:call-template>
        </input>
        <button type="submit" class="header-search-button">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="10.5" cy="10.5" r="6.5"/>
            <path d="m15.5 15.5 5 5"/>
          </svg>
          <span class="visually-hidden"><xsl:value-of select="pt:t('nav.search.submit')"/></span>
        </button>
      </form>
    </xsl:if>
  </xsl:template>

  <!-- Who is signed in (name and organisation, shortened with an ellipsis
       in a narrow header; the title and the text keep them whole), the
       account link (in the compact menu when narrow) and "Sign out".
       Anonymous visitors get "Sign in" instead, except on the login page. -->
  <xsl:template name="pt-user-box">
    <xsl:choose>
      <xsl:when test="$pt-user">
        <div class="user-box">
          <p class="user-id">
            <xsl:attribute name="title">
              <xsl:value-of select="$pt-user/name"/>
              <xsl:if test="string($pt-user/org) != ''">
                <xsl:text>, </xsl:text>
                <xsl:value-of select="$pt-user/org"/>
              </xsl:if>
            </xsl:attribute>
            <span class="visually-hidden"><xsl:value-of select="pt:t('user.signed-in-as')"/><xsl:text> </xsl:text></span>
            <span class="user-name"><xsl:value-of select="$pt-user/name"/></span>
            <xsl:if test="string($pt-user/org) != ''">
              <span class="visually-hidden">, </span>
              <span class="user-org"><xsl:value-of select="$pt-user/org"/></span>
            </xsl:if>
          </p>
          <xsl:call-template name="pt-account-link">
            <xsl:with-param name="class" select="'btn btn-header account-link wide-only'"/>
          </xsl:call-template>
          <form class="logout" method="post" action="/auth/logout">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <button type="submit" class="btn btn-header"><xsl:value-of select="pt:t('logout')"/></button>
          </form>
        </div>
      </xsl:when>
      <xsl:when test="not(starts-with(/page/@path, '/auth/login'))">
        <a class="btn btn-header login-link" href="/auth/login"><xsl:value-of select="pt:t('nav.login')"/></a>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pt-account-link">
    <xsl:param name="class"/>
    <a class="{$class}" href="/auth/account">
      <xsl:if test="/page/@path = '/auth/account' or starts-with(/page/@path, '/auth/account/')">
        <xsl:attribute name="aria-current">page</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="pt:t('nav.account')"/>
    </a>
  </xsl:template>

  <!-- The main navigation (the sections of /page/nav, which the runtime
       fills with what the user may open) and, under it, the pages of the
       current section when it has several. Wide screens only; narrow ones
       get the same links in the compact menu. -->
  <xsl:template name="pt-primary-nav">
    <xsl:if test="/page/nav/section">
      <nav class="primary-nav wide-only" aria-label="{pt:t('nav.main')}">
        <div class="container">
          <ul>
            <xsl:for-each select="/page/nav/section">
              <li><xsl:call-template name="pt-nav-link"/></li>
            </xsl:for-each>
          </ul>
        </div>
      </nav>
      <xsl:for-each select="/page/nav/section[@current = '1' and count(link) &gt; 1]">
        <nav class="section-nav wide-only">
          <xsl:attribute name="aria-label">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('nav.section')"/>
              <xsl:with-param name="name" select="'section'"/>
              <xsl:with-param name="value" select="pt:t(@key)"/>
            </xsl:call-template>
          </xsl:attribute>
          <div class="container">
            <ul>
              <xsl:for-each select="link">
                <li><xsl:call-template name="pt-nav-link"/></li>
              </xsl:for-each>
            </ul>
          </div>
        </nav>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A link of /page/nav (section or link): aria-current="page" when it is
       the page shown, "true" when the page shown belongs to it; with its
       count when the page put one on it (pt_nav_count: the tasks waiting). -->
  <xsl:template name="pt-nav-link">
    <a href="{@href}">
      <xsl:choose>
        <xsl:when test="@href = /page/@path">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:when>
        <xsl:when test="@current = '1'">
          <xsl:attribute name="aria-current">true</xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:value-of select="pt:t(@key)"/>
      <xsl:if test="string(@count) != ''">
        <xsl:text> </xsl:text>
        <span class="count-pill" aria-hidden="true"><xsl:value-of select="@count"/></span>
        <span class="visually-hidden">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('nav.count')"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="string(@count)"/>
          </xsl:call-template>
        </span>
      </xsl:if>
    </a>
  </xsl:template>

  <!-- The compact menu of narrow screens: a <details> that needs no
       script, holding the search, the sections (a section with several
       pages as a group of links), the account link and the language
       switch. Hidden by CSS on wide screens, which show these in the bar. -->
  <xsl:template name="pt-compact-menu">
    <details class="menu narrow-only">
      <summary class="btn btn-header menu-button">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M4 6.5h16M4 12h16M4 17.5h16"/>
        </svg>
        <span class="menu-label"><xsl:value-of select="pt:t('nav.menu')"/></span>
      </summary>
      <div class="menu-panel">
        <xsl:call-template name="pt-header-search">
          <xsl:with-param name="id" select="'menu-q'"/>
        </xsl:call-template>
        <xsl:if test="/page/nav/section">
          <nav class="menu-nav" aria-label="{pt:t('nav.main')}">
            <ul>
              <xsl:for-each select="/page/nav/section">
                <li>
                  <xsl:choose>
                    <xsl:when test="count(link) &gt; 1">
                      <span class="menu-section" id="menu-section-{@name}"><xsl:value-of select="pt:t(@key)"/></span>
                      <ul aria-labelledby="menu-section-{@name}">
                        <xsl:for-each select="link">
                          <li><xsl:call-template name="pt-nav-link"/></li>
                        </xsl:for-each>
                      </ul>
                    </xsl:when>
                    <xsl:otherwise><xsl:call-template name="pt-nav-link"/></xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
              <li>
                <xsl:call-template name="pt-account-link">
                  <xsl:with-param name="class" select="'menu-account'"/>
                </xsl:call-template>
              </li>
            </ul>
          </nav>
        </xsl:if>
        <xsl:call-template name="pt-language-switcher"/>
      </div>
    </details>
  </xsl:template>

  <!-- ================= messages ========================================= -->

  <!-- Errors in one role="alert" box under the heading "There is a
       problem" (the error summary: tabindex -1, so that portico.js can move
       the focus to it after a failed submit), info and success in
       role="status" boxes. An error about a form field links to the input
       (id = field name); the view repeats it next to the field
       (pt-field-errors). -->
  <xsl:template name="pt-messages">
    <xsl:variable name="errors" select="/page/messages/message[@kind = 'error']"/>
    <xsl:variable name="successes" select="/page/messages/message[@kind = 'success']"/>
    <xsl:variable name="infos" select="/page/messages/message[not(@kind = 'error' or @kind = 'success')]"/>
    <xsl:if test="$errors">
      <div class="alert alert-error error-summary" role="alert" tabindex="-1"
          aria-labelledby="error-summary-title">
        <h2 class="error-summary-title" id="error-summary-title"><xsl:value-of select="pt:t('error.summary.title')"/></h2>
        <xsl:for-each select="$errors">
          <p>
            <xsl:choose>
              <xsl:when test="string(@field) != ''">
                <a href="#{@field}"><xsl:call-template name="pt-message-text"/></a>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="pt-message-text"/></xsl:otherwise>
            </xsl:choose>
          </p>
        </xsl:for-each>
      </div>
    </xsl:if>
    <xsl:if test="$successes">
      <div class="alert alert-success" role="status">
        <xsl:for-each select="$successes">
          <p><xsl:call-template name="pt-message-text"/></p>
        </xsl:for-each>
      </div>
    </xsl:if>
    <xsl:if test="$infos">
      <div class="alert alert-info" role="status">
        <xsl:for-each select="$infos">
          <p><xsl:call-template name="pt-message-text"/></p>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The text of the current <message>: its catalogue text, with "{max}"
       replaced by the message's max (a field's limit, pt_message_max) and
       "{min}" by its min (a lower bound a handler put on the message). -->
  <xsl:template name="pt-message-text">
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="string(@max) != ''">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t(@key)"/>
            <xsl:with-param name="name" select="'max'"/>
            <xsl:with-param name="value" select="string(@max)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="pt:t(@key)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string(@min) != ''">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="string($text)"/>
          <xsl:with-param name="name" select="'min'"/>
          <xsl:with-param name="value" select="string(@min)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A maxlength attribute for the current input or textarea: the limit
       called name that the handler gave the page (pt_limit), so the form
       and the server hold one number. Call it first inside the element. -->
  <xsl:template name="pt-maxlength">
    <xsl:param name="name"/>
    <xsl:variable name="max" select="string(/page/limits/limit[@name = $name]/@chars)"/>
    <xsl:if test="$max != ''">
      <xsl:attribute name="maxlength"><xsl:value-of select="$max"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Messages for one field, as <p id="{field}-error">; call it between
       label and input and set aria-describedby="{field}-error" and
       aria-invalid="true" on the input when
       /page/messages/message[@field = $field] exists. -->
  <xsl:template name="pt-field-errors">
    <xsl:param name="field"/>
    <xsl:variable name="msgs" select="/page/messages/message[@field = $field]"/>
    <xsl:if test="$msgs">
      <p class="field-error" id="{$field}-error">
        <xsl:for-each select="$msgs">
          <span class="visually-hidden"><xsl:value-of select="pt:t('message.error')"/><xsl:text> </xsl:text></span>
          <xsl:call-template name="pt-message-text"/>
          <xsl:if test="position() != last()"><br/></xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Adds aria-invalid and aria-describedby to the current input when the
       field has messages. Call it first inside the <input>. -->
  <xsl:template name="pt-field-aria">
    <xsl:param name="field"/>
    <xsl:if test="/page/messages/message[@field = $field]">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
      <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($field, '-error')"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ================= helpers ========================================== -->

  <!-- Replaces every "{name}" in text with value (copied, so value may be
       a result tree fragment with elements). -->
  <xsl:template name="pt-replace">
    <xsl:param name="text"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:variable name="token" select="concat('{', $name, '}')"/>
    <xsl:choose>
      <xsl:when test="contains($text, $token)">
        <xsl:value-of select="substring-before($text, $token)"/>
        <xsl:copy-of select="$value"/>
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="substring-after($text, $token)"/>
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="value" select="$value"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The one way a date or time appears on a page: <time> with the exact
       instant (UTC) in datetime and the text from pt:time(), which converts
       to the reader's time zone (the profile's, else [site] time_zone) and
       lays it out by the catalogue (xslt/i18n/*/dates.xml).
         iso    a UTC stamp "YYYY-MM-DDThh:mm:ssZ", or a calendar date
                "YYYY-MM-DD" (a due date: shown as that day, not moved)
         style  datetime (default) | date | time | relative: "3 hours ago",
                "yesterday, 14:05", absolute when older; relative text is
                given only to a signed-in reader whose page is not kept for
                others (pages for anonymous readers and per persona are kept
                by the page cache) and carries the absolute date and time in
                its title.
       Nothing is written for an empty iso. -->
  <xsl:template name="pt-datetime">
    <xsl:param name="iso"/>
    <xsl:param name="style" select="'datetime'"/>
    <xsl:if test="string($iso) != ''">
      <xsl:variable name="text" select="pt:time(string($iso), $style)"/>
      <time datetime="{pt:time(string($iso), 'iso')}">
        <xsl:if test="$style = 'relative'">
          <xsl:variable name="absolute" select="pt:time(string($iso), 'datetime')"/>
          <xsl:if test="$absolute != $text">
            <xsl:attribute name="title"><xsl:value-of select="$absolute"/></xsl:attribute>
          </xsl:if>
        </xsl:if>
        <xsl:value-of select="$text"/>
      </time>
    </xsl:if>
  </xsl:template>

  <!-- Body of the error views: status code, h1, explanation, more
       (a fragment after the explanation, e.g. a search form), actions,
       request reference. $actions is a fragment of links (class="btn"). -->
  <xsl:template name="pt-status-page">
    <xsl:param name="title-key"/>
    <xsl:param name="text-key"/>
    <xsl:param name="actions"/>
    <xsl:param name="more"/>
    <xsl:param name="kind" select="'error'"/>
    <section class="card status-page status-{$kind}">
      <xsl:if test="string(/page/@status) != ''">
        <p class="status-code">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('error.code')"/>
            <xsl:with-param name="name" select="'code'"/>
            <xsl:with-param name="value" select="string(/page/@status)"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <h1><xsl:value-of select="pt:t($title-key)"/></h1>
      <p class="lead"><xsl:value-of select="pt:t($text-key)"/></p>
      <xsl:copy-of select="$more"/>
      <xsl:if test="string($actions) != ''">
        <p class="actions"><xsl:copy-of select="$actions"/></p>
      </xsl:if>
      <xsl:if test="string(/page/@request-id) != ''">
        <p class="reference">
          <xsl:value-of select="pt:t('error.reference')"/>
          <xsl:text>: </xsl:text>
          <code><xsl:value-of select="/page/@request-id"/></code>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
