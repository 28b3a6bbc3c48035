<?xml version="1.0" encoding="UTF-8"?>
<!-- The users of an org (view "users"), or of every org for the provider
     (users/@scope = 'admin'): filter form, table, pager. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="users-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="users/@scope = 'admin'"><xsl:value-of select="pt:t('users.all.title')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('title.users')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="u" select="users"/>
    <div class="admin-head">
      <div>
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <xsl:if test="$u/@scope = 'org'">
          <p class="lead"><xsl:value-of select="$pt-user/org"/></p>
        </xsl:if>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="{$u/@base}/new">
          <xsl:if test="$u/@scope = 'admin' and string($u/@org) != ''">
            <xsl:attribute name="href"><xsl:value-of select="concat($u/@base, '/new?org=', $u/@org)"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="pt:t('users.invite')"/>
        </a>
        <xsl:if test="$u/@scope = 'org'">
          <a class="btn btn-secondary" href="/auth/budgets"><xsl:value-of select="pt:t('budgets.title')"/></a>
        </xsl:if>
      </p>
    </div>

    <form class="filter-bar" method="get" action="{$u/@base}" role="search" aria-label="{pt:t('users.filter')}">
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('users.search')"/></label>
        <input type="search" id="q" name="q" value="{$u/@q}">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <div class="field">
        <label for="status"><xsl:value-of select="pt:t('users.status')"/></label>
        <select id="status" name="status">
          <option value=""><xsl:value-of select="pt:t('users.status.any')"/></option>
          <xsl:for-each select="str:split('active invited inactive deleted', ' ')">
            <option value="{.}">
              <xsl:if test=". = $u/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('users.status.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:if test="$u/@scope = 'admin'">
        <div class="field">
          <label for="org"><xsl:value-of select="pt:t('users.org')"/></label>
          <select id="org" name="org">
            <option value=""><xsl:value-of select="pt:t('users.org.any')"/></option>
            <xsl:for-each select="$u/orgs/org">
              <option value="{@id}">
                <xsl:if test="@id = $u/@org"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </xsl:if>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('users.filter.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$u/user">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="users-caption">
        <table class="data-table">
          <caption id="users-caption" class="visually-hidden"><xsl:apply-templates select="." mode="title"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('users.name')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('users.email')"/></th>
              <xsl:if test="$u/@scope = 'admin'">
                <th scope="col"><xsl:value-of select="pt:t('users.org')"/></th>
              </xsl:if>
              <th scope="col"><xsl:value-of select="pt:t('users.roles')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('users.status')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('users.last-login')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$u/user">
              <tr>
                <th scope="row">
                  <a href="{$u/@base}/{@id}"><xsl:value-of select="name"/></a>
                </th>
                <td class="cell-email"><xsl:value-of select="email"/></td>
                <xsl:if test="$u/@scope = 'admin'">
                  <td><xsl:value-of select="org"/></td>
                </xsl:if>
                <td>
                  <ul class="role-list">
                    <xsl:for-each select="role">
                      <li class="role">
                        <xsl:call-template name="users-role-name">
                          <xsl:with-param name="name" select="string(.)"/>
                        </xsl:call-template>
                      </li>
                    </xsl:for-each>
                  </ul>
                </td>
                <td>
                  <xsl:call-template name="users-status">
                    <xsl:with-param name="status" select="string(@status)"/>
                  </xsl:call-template>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="string(@last-login) != ''">
                      <xsl:call-template name="pt-datetime">
                        <xsl:with-param name="iso" select="string(@last-login)"/>
                        <xsl:with-param name="style" select="'relative'"/>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="pt:t('users.never')"/></xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('users.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:apply-templates select="$u/pager"/>
  </xsl:template>

  <!-- Previous / next links keep the filter; the page count is announced. -->
  <xsl:template match="pager">
    <xsl:variable name="u" select=".."/>
    <xsl:variable name="query">
      <xsl:text>?</xsl:text>
      <xsl:if test="string($u/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($u/@q), true())"/>&amp;</xsl:if>
      <xsl:if test="string($u/@status) != ''">status=<xsl:value-of select="$u/@status"/>&amp;</xsl:if>
      <xsl:if test="string($u/@org) != ''">org=<xsl:value-of select="$u/@org"/>&amp;</xsl:if>
      <xsl:text>page=</xsl:text>
    </xsl:variable>
    <nav class="pager" aria-label="{pt:t('users.pager.label')}">
      <p class="pager-status">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text">
                <xsl:call-template name="pt-replace">
                  <xsl:with-param name="text" select="pt:t('users.pager.status')"/>
                  <xsl:with-param name="name" select="'page'"/>
                  <xsl:with-param name="value" select="string(@page)"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="name" select="'pages'"/>
              <xsl:with-param name="value" select="string(@pages)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="name" select="'total'"/>
          <xsl:with-param name="value" select="string(@total)"/>
        </xsl:call-template>
      </p>
      <xsl:if test="@pages &gt; 1">
        <ul class="pager-links">
          <xsl:if test="@page &gt; 1">
            <li><a rel="prev" href="{$u/@base}{$query}{@page - 1}"><xsl:value-of select="pt:t('users.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages">
            <li><a rel="next" href="{$u/@base}{$query}{@page + 1}"><xsl:value-of select="pt:t('users.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>

</xsl:stylesheet>
