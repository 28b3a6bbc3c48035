<?xml version="1.0" encoding="UTF-8"?>
<!-- Start page (view "start"): greeting, the user's organisation, roles and
     last sign-in, and the grid of areas from /page/start/area: the pages
     of the runtime's navigation table this user may open.

     Each home role (/page/start/@home) has its own named template, which a
     theme overrides to arrange that role's start page:
       theme-start-customer, theme-start-partner, theme-start-agent,
       theme-start-admin
     Each defaults to pt-start-page, i.e. pt-start-welcome (the welcome
     card with the h1), pt-start-tasks (how many tasks of the service
     processes wait for the person, /page/start/tasks, linking to the
     inbox), pt-start-desk (an agent's counts of the desk's
     tickets, /page/start/desk: nothing for anyone else) and
     pt-start-areas (the grid of areas); a theme calls these in the order
     it wants, and adds its own elements around them.  The context node is
     /page. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="content">
    <xsl:choose>
      <xsl:when test="start/@home = 'partner'"><xsl:call-template name="theme-start-partner"/></xsl:when>
      <xsl:when test="start/@home = 'agent'"><xsl:call-template name="theme-start-agent"/></xsl:when>
      <xsl:when test="start/@home = 'admin'"><xsl:call-template name="theme-start-admin"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="theme-start-customer"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================= theme hooks (override in themes/<t>/theme.xsl) ==== -->
  <xsl:template name="theme-start-customer"><xsl:call-template name="pt-start-page"/></xsl:template>
  <xsl:template name="theme-start-partner"><xsl:call-template name="pt-start-page"/></xsl:template>
  <xsl:template name="theme-start-agent"><xsl:call-template name="pt-start-page"/></xsl:template>
  <xsl:template name="theme-start-admin"><xsl:call-template name="pt-start-page"/></xsl:template>

  <!-- ================= parts ============================================ -->

  <xsl:template name="pt-start-page">
    <xsl:call-template name="pt-start-welcome"/>
    <xsl:call-template name="pt-start-tasks"/>
    <xsl:call-template name="pt-start-desk"/>
    <xsl:call-template name="pt-start-areas"/>
  </xsl:template>

  <!-- The tasks waiting for the person (the count is a hole of the kept
       page, so the sentence does not depend on it): a link to the inbox. -->
  <xsl:template name="pt-start-tasks">
    <xsl:if test="start/tasks">
      <section class="card start-section desk-box" aria-labelledby="tasks-title">
        <h2 id="tasks-title"><a href="{start/tasks/@href}"><xsl:value-of select="pt:t('start.tasks.title')"/></a></h2>
        <ul class="desk-counts tasks-count">
          <li class="desk-count-tasks">
            <a href="{start/tasks/@href}">
              <span class="desk-count"><xsl:value-of select="start/tasks/@count"/></span>
              <span class="desk-count-label"><xsl:value-of select="pt:t('start.tasks.waiting')"/></span>
            </a>
          </li>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- An agent's desk in numbers: theirs, the unassigned of their groups,
       those breaching their service level; each links to that view. -->
  <xsl:template name="pt-start-desk">
    <xsl:if test="start/desk">
      <section class="card start-section desk-box" aria-labelledby="desk-title">
        <h2 id="desk-title"><a href="{start/desk/@href}"><xsl:value-of select="pt:t('start.desk.title')"/></a></h2>
        <ul class="desk-counts">
          <xsl:for-each select="start/desk/view">
            <li class="desk-count-{@name}">
              <a href="{@href}">
                <span class="desk-count"><xsl:value-of select="@count"/></span>
                <span class="desk-count-label"><xsl:value-of select="pt:t(concat('start.desk.', @name))"/></span>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The welcome card: the page's h1, organisation, roles, last sign-in. -->
  <xsl:template name="pt-start-welcome">
    <section class="card welcome-card" aria-labelledby="start-title">
      <span class="card-accent"></span>
      <p class="eyebrow"><xsl:value-of select="pt:t('start.title')"/></p>
      <h1 id="start-title">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t('start.welcome')"/>
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="value" select="string($pt-user/name)"/>
        </xsl:call-template>
      </h1>
      <dl class="facts">
        <xsl:if test="string($pt-user/org) != ''">
          <div>
            <dt><xsl:value-of select="pt:t('start.org')"/></dt>
            <dd><xsl:value-of select="$pt-user/org"/></dd>
          </div>
        </xsl:if>
        <xsl:if test="$pt-user/role">
          <div>
            <dt><xsl:value-of select="pt:t('start.roles')"/></dt>
            <dd>
              <ul class="role-list">
                <xsl:for-each select="$pt-user/role">
                  <li class="role"><xsl:value-of select="pt:t(concat('role.', .))"/></li>
                </xsl:for-each>
              </ul>
            </dd>
          </div>
        </xsl:if>
        <div>
          <dt><xsl:value-of select="pt:t('start.last-login')"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="string(start/@last-login) != ''">
                <xsl:call-template name="pt-datetime">
                  <xsl:with-param name="iso" select="string(start/@last-login)"/>
                  <xsl:with-param name="style" select="'relative'"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('start.first-login')"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
      </dl>
    </section>
  </xsl:template>

  <!-- The grid of the areas this person may open (h2 "Your areas"). -->
  <xsl:template name="pt-start-areas">
    <xsl:if test="start/area">
      <section class="areas" aria-labelledby="areas-title">
        <h2 id="areas-title"><xsl:value-of select="pt:t('start.areas')"/></h2>
        <ul class="area-grid">
          <xsl:apply-templates select="start/area"/>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One card per page the user may open (the runtime's navigation
       table); the title links to it and the whole card is clickable (CSS). -->
  <xsl:template match="area">
    <xsl:variable name="desc-key" select="concat(@key, '.desc')"/>
    <xsl:variable name="desc" select="pt:t($desc-key)"/>
    <li class="area-card is-available">
      <span class="area-icon">
        <xsl:call-template name="area-icon">
          <xsl:with-param name="key" select="string(@key)"/>
        </xsl:call-template>
      </span>
      <h3 class="area-title">
        <a href="{@href}"><xsl:value-of select="pt:t(@key)"/></a>
      </h3>
      <xsl:if test="$desc != $desc-key">
        <p class="area-desc"><xsl:value-of select="$desc"/></p>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- Decorative line icons (24x24, stroked with currentColor by CSS). -->
  <xsl:template name="area-icon">
    <xsl:param name="key"/>
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <xsl:choose>
        <xsl:when test="$key = 'nav.kb'">
          <path d="M5 5.5A2.5 2.5 0 0 1 7.5 3H19v15H7.5A2.5 2.5 0 0 0 5 20.5z"/>
          <path d="M5 20.5A2.5 2.5 0 0 0 7.5 23H19v-5"/>
          <path d="M9 7.5h6M9 11h4"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.tickets'">
          <path d="M4 4.5h16v11.5H10l-6 4.5z"/>
          <path d="M8 8.5h8M8 12h5"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.queue' or $key = 'nav.tickets.desk'">
          <path d="M3 13.5 6 5h12l3 8.5V19H3z"/>
          <path d="M3 13.5h5l1.5 2.5h5l1.5-2.5h5"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.orders' or $key = 'nav.orders.catalogue'">
          <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5z"/>
          <path d="M3 7.5 12 12l9-4.5M12 12v9"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.approvals'">
          <circle cx="12" cy="12" r="9"/>
          <path d="m8 12.5 3 3 5-6"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.contracts'">
          <path d="M6 3h9l4 4v14H6z"/>
          <path d="M14.5 3v4.5H19M9 12.5h7M9 16.5h5"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.partner' or $key = 'nav.users' or $key = 'nav.all-users'">
          <circle cx="9" cy="8" r="3.5"/>
          <path d="M2.5 20.5a6.5 6.5 0 0 1 13 0"/>
          <circle cx="17" cy="9" r="2.5"/>
          <path d="M16.5 14a5 5 0 0 1 5 6.5"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.articles' or $key = 'nav.editor'">
          <path d="M4 20h4L19.5 8.5l-4-4L4 16z"/>
          <path d="m13.5 6.5 4 4"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.dashboard'">
          <path d="M3 20.5h18"/>
          <path d="M6.5 17v-5M11.5 17V6.5M16.5 17v-8"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.orgs'">
          <path d="M4 21V6l8-3v18M12 8h8v13"/>
          <path d="M7 9h2M7 13h2M7 17h2M15 12h2M15 16h2M2.5 21h19"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.deletions'">
          <path d="M4 6.5h16M9.5 6.5V4h5v2.5"/>
          <path d="M6 6.5 7 21h10l1-14.5M10 10.5v6.5M14 10.5v6.5"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.admin' or $key = 'nav.roles' or $key = 'nav.audit' or $key = 'nav.budgets'">
          <path d="M12 3 20 6v6c0 4.8-3.4 8-8 9-4.6-1-8-4.2-8-9V6z"/>
          <path d="m9 12 2 2 4-4.5"/>
        </xsl:when>
        <xsl:when test="$key = 'nav.account'">
          <circle cx="12" cy="8" r="4"/>
          <path d="M4 21a8 8 0 0 1 16 0"/>
        </xsl:when>
        <xsl:otherwise>
          <path d="M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z"/>
        </xsl:otherwise>
      </xsl:choose>
    </svg>
  </xsl:template>

</xsl:stylesheet>
