<?xml version="1.0" encoding="UTF-8"?>
<!--
  The shared layout of every mail.  portico-mailer transforms
    <mail template="invite" lang="de">
      <to name="Klaus Bergmann">klaus@bergmann.example</to>
      <base-url>https://portal.example.com</base-url>
      <data>...the template's data: child elements (or attributes)...</data>
    </mail>
  with xslt/mail/<template>.xsl, which imports this file and defines three
  modes on "mail": subject (text), text (the plain-text body, lines ended
  with &#10;) and html (the HTML body: block elements).  The result is
    <message><subject/><text/><html lang>head + body</html></message>
  and the mailer sends the text and the html as multipart/alternative.

  Mail HTML is not a page: no external stylesheets or scripts (mail
  clients block them), inline styles (many clients drop <style>, none
  knows CSS variables), one column, real headings and link texts, lang on
  <html>.  The one image is the theme's logo, a PNG by absolute URL
  ($base-url + $theme-mail-logo) with alt="": clients that block images
  still show the site name next to it.
  pt:t() speaks the recipient's language (the catalogue files i18n/*/mail.xml).

  The runtime imports the configured theme's theme.xsl after the mail's
  stylesheet, as it does for pages, so a theme restyles every mail with:
    $theme-mail-*      the colours and the font below (xsl:variable)
    $theme-mail-logo   the logo's path under the site, e.g.
                       '/static/themes/acme/logo-mail.png' ('' = none)
    theme-mail-header  the band above the message (logo and site name)
  and names the site with the catalogue key site.name ({site} in texts).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="base-url" select="/mail/base-url"/>

  <!-- ================= theme hooks (override in themes/<t>/theme.xsl) ==== -->
  <!-- Contrast (WCAG 2.1 AA): text, heading and muted on surface 4.5:1 at
       least, brand (links) on surface 4.5:1, brand-contrast on brand 4.5:1,
       header-text on header-bg 4.5:1. -->
  <xsl:variable name="theme-mail-bg" select="'#f3f4f6'"/>
  <xsl:variable name="theme-mail-surface" select="'#ffffff'"/>
  <xsl:variable name="theme-mail-border" select="'#d1d5db'"/>
  <xsl:variable name="theme-mail-text" select="'#1f2937'"/>
  <xsl:variable name="theme-mail-heading" select="'#111827'"/>
  <xsl:variable name="theme-mail-muted" select="'#4b5563'"/>
  <xsl:variable name="theme-mail-brand" select="'#0b4f8a'"/>
  <xsl:variable name="theme-mail-brand-contrast" select="'#ffffff'"/>
  <xsl:variable name="theme-mail-header-bg" select="'transparent'"/>
  <xsl:variable name="theme-mail-header-text" select="$theme-mail-brand"/>
  <xsl:variable name="theme-mail-font" select="'Arial,Helvetica,sans-serif'"/>
  <xsl:variable name="theme-mail-logo" select="''"/>

  <!-- The band above the message: the logo (if any) and the site name. -->
  <xsl:template name="theme-mail-header">
    <div style="margin:0 0 16px 0;padding:{$mail-header-padding};background-color:{$theme-mail-header-bg};border-radius:6px">
      <xsl:if test="$theme-mail-logo != ''">
        <img src="{concat($base-url, $theme-mail-logo)}" alt="" width="40" height="40"
            style="display:inline-block;vertical-align:middle;margin-right:12px;border:0"/>
      </xsl:if>
      <span style="font-size:20px;font-weight:bold;vertical-align:middle;color:{$theme-mail-header-text}">
        <xsl:value-of select="pt:t('site.name')"/>
      </span>
    </div>
  </xsl:template>

  <!-- No padding around a transparent band: the name sits on the page. -->
  <xsl:variable name="mail-header-padding">
    <xsl:choose>
      <xsl:when test="$theme-mail-header-bg = 'transparent'">0</xsl:when>
      <xsl:otherwise>12px 16px</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:apply-templates select="mail"/>
  </xsl:template>

  <xsl:template match="mail">
    <xsl:variable name="subject">
      <xsl:apply-templates select="." mode="subject"/>
    </xsl:variable>
    <message>
      <subject><xsl:value-of select="normalize-space($subject)"/></subject>
      <text>
        <xsl:call-template name="mail-greeting"/>
        <xsl:value-of select="concat($nl, $nl)"/>
        <xsl:apply-templates select="." mode="text"/>
        <xsl:value-of select="concat($nl, pt:t('mail.signature'), $nl)"/>
        <xsl:value-of select="concat($nl, '-- ', $nl, pt:t('mail.footer'), $nl, $base-url, $nl)"/>
      </text>
      <html lang="{@lang}">
        <head>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title><xsl:value-of select="normalize-space($subject)"/></title>
        </head>
        <body style="margin:0;padding:0;background-color:{$theme-mail-bg};color:{$theme-mail-text};font-family:{$theme-mail-font};font-size:16px;line-height:1.5">
          <div role="article" aria-label="{normalize-space($subject)}" lang="{@lang}"
              style="max-width:600px;margin:0 auto;padding:24px 16px">
            <xsl:call-template name="theme-mail-header"/>
            <div style="background-color:{$theme-mail-surface};border:1px solid {$theme-mail-border};border-radius:6px;padding:24px">
              <h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;color:{$theme-mail-heading}">
                <xsl:value-of select="normalize-space($subject)"/>
              </h1>
              <p style="margin:0 0 16px 0"><xsl:call-template name="mail-greeting"/></p>
              <xsl:apply-templates select="." mode="html"/>
              <p style="margin:24px 0 0 0">
                <xsl:value-of select="pt:t('mail.signature')"/>
              </p>
            </div>
            <p style="margin:16px 0 0 0;font-size:13px;color:{$theme-mail-muted}">
              <xsl:value-of select="pt:t('mail.footer')"/>
              <xsl:text> </xsl:text>
              <a href="{$base-url}/" style="color:{$theme-mail-brand}"><xsl:value-of select="$base-url"/></a>
            </p>
          </div>
        </body>
      </html>
    </message>
  </xsl:template>

  <!-- Defaults, so a template may leave a mode out. -->
  <xsl:template match="mail" mode="subject"><xsl:value-of select="pt:t('site.name')"/></xsl:template>
  <xsl:template match="mail" mode="text"/>
  <xsl:template match="mail" mode="html"/>

  <!-- ================= helpers ========================================== -->

  <!-- "Hello Klaus Bergmann," or, without a name, "Hello,". -->
  <xsl:template name="mail-greeting">
    <xsl:choose>
      <xsl:when test="normalize-space(/mail/to/@name) != ''">
        <xsl:call-template name="mail-fill">
          <xsl:with-param name="text" select="pt:t('mail.greeting')"/>
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="value" select="normalize-space(/mail/to/@name)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('mail.greeting.anonymous')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The value of a data field: the child element <name>, else the attribute name. -->
  <xsl:template name="mail-value">
    <xsl:param name="name"/>
    <xsl:value-of select="normalize-space((/mail/data/*[local-name() = $name] | /mail/data/@*[local-name() = $name])[1])"/>
  </xsl:template>

  <!--
    An absolute http(s) URL for a link: taken as it is when it starts with
    http:// or https://, the base URL put in front when it is a path (/...),
    and nothing at all otherwise (no javascript:, mailto: or relative links
    in mails).
  -->
  <xsl:template name="mail-url">
    <xsl:param name="link"/>
    <xsl:variable name="l" select="normalize-space($link)"/>
    <xsl:choose>
      <xsl:when test="starts-with($l, 'https://') or starts-with($l, 'http://')">
        <xsl:value-of select="$l"/>
      </xsl:when>
      <xsl:when test="starts-with($l, '/') and not(starts-with($l, '//'))">
        <xsl:value-of select="concat($base-url, $l)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Replaces every "{name}" in text with value (copied, so it may hold elements). -->
  <xsl:template name="mail-fill">
    <xsl:param name="text"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:variable name="token" select="concat('{', $name, '}')"/>
    <xsl:choose>
      <xsl:when test="contains($text, $token)">
        <xsl:value-of select="substring-before($text, $token)"/>
        <xsl:copy-of select="$value"/>
        <xsl:call-template name="mail-fill">
          <xsl:with-param name="text" select="substring-after($text, $token)"/>
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="value" select="$value"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- HTML: a paragraph. -->
  <xsl:template name="mail-p">
    <xsl:param name="content"/>
    <p style="margin:0 0 16px 0"><xsl:copy-of select="$content"/></p>
  </xsl:template>

  <!--
    HTML: the call to action, a link styled as a button (brand-contrast on
    brand; the default white on #0b4f8a: 8.6:1), then the address itself
    for clients that hide links.
  -->
  <xsl:template name="mail-button">
    <xsl:param name="url"/>
    <xsl:param name="label"/>
    <xsl:if test="$url != ''">
      <p style="margin:24px 0">
        <a href="{$url}" style="display:inline-block;background-color:{$theme-mail-brand};color:{$theme-mail-brand-contrast};text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:4px">
          <xsl:value-of select="$label"/>
        </a>
      </p>
      <p style="margin:0 0 16px 0;font-size:13px;color:{$theme-mail-muted}">
        <xsl:value-of select="pt:t('mail.link.fallback')"/>
        <br/>
        <a href="{$url}" style="color:{$theme-mail-brand};word-break:break-all"><xsl:value-of select="$url"/></a>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Text: the call to action, "label:" and the URL on a line of its own. -->
  <xsl:template name="mail-text-link">
    <xsl:param name="url"/>
    <xsl:param name="label"/>
    <xsl:if test="$url != ''">
      <xsl:value-of select="concat($label, ':', $nl, $url, $nl, $nl)"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
