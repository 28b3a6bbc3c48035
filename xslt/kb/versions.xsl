<?xml version="1.0" encoding="UTF-8"?>
<!-- The versions of an article's text in one language (view "versions"):
     number, date, author, status at save, note; compare two versions
     (diff) and restore one as a new version. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="editor-common.xsl"/>

  <xsl:variable name="v" select="/page/kb-versions"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="kb-fill">
      <xsl:with-param name="key" select="'kb.editor.versions.title'"/>
      <xsl:with-param name="name" select="'slug'"/>
      <xsl:with-param name="value" select="$v/@slug"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/kb/editor"><xsl:value-of select="pt:t('kb.editor.back')"/></a></p>
    <h1><xsl:apply-templates select="." mode="title"/></h1>
    <nav class="kb-langs" aria-label="{pt:t('kb.editor.languages')}">
      <ul>
        <xsl:for-each select="$v/languages/language">
          <li>
            <a href="{$v/@base}/versions?lang={@code}" lang="{@code}">
              <xsl:if test="@code = $v/@lang"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('lang.', @code))"/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
    <xsl:call-template name="kb-article-tabs">
      <xsl:with-param name="base" select="$v/@base"/>
      <xsl:with-param name="lang" select="$v/@lang"/>
      <xsl:with-param name="current" select="'versions'"/>
    </xsl:call-template>

    <xsl:choose>
      <xsl:when test="$v/version">
        <xsl:if test="count($v/version) &gt; 1">
          <form class="filter-bar" method="get" action="{$v/@base}/diff">
            <input type="hidden" name="lang" value="{$v/@lang}"/>
            <div class="field">
              <label for="from"><xsl:value-of select="pt:t('kb.editor.diff.from')"/></label>
              <select id="from" name="from">
                <xsl:for-each select="$v/version">
                  <option value="{@no}">
                    <xsl:if test="position() = 2"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="@no"/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
            <div class="field">
              <label for="to"><xsl:value-of select="pt:t('kb.editor.diff.to')"/></label>
              <select id="to" name="to">
                <xsl:for-each select="$v/version">
                  <option value="{@no}">
                    <xsl:if test="position() = 1"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="@no"/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
            <div class="filter-submit">
              <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('kb.editor.diff.show')"/></button>
            </div>
          </form>
        </xsl:if>
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="versions-caption">
        <table class="data-table kb-versions-table">
          <caption id="versions-caption" class="visually-hidden"><xsl:apply-templates select="/page" mode="title"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.version')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.version.date')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.version.author')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.status')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.note')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.actions')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$v/version">
              <xsl:variable name="prev" select="following-sibling::version[1]"/>
              <tr>
                <th scope="row"><xsl:value-of select="@no"/></th>
                <td>
                  <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@created)"/><xsl:with-param name="style" select="'relative'"/></xsl:call-template>
                </td>
                <td><xsl:value-of select="author"/></td>
                <td>
                  <xsl:call-template name="kb-status"><xsl:with-param name="status" select="string(@status)"/></xsl:call-template>
                </td>
                <td><xsl:value-of select="note"/></td>
                <td class="kb-version-actions">
                  <xsl:if test="$prev">
                    <a href="{$v/@base}/diff?lang={$v/@lang}&amp;from={$prev/@no}&amp;to={@no}">
                      <xsl:call-template name="kb-fill">
                        <xsl:with-param name="key" select="'kb.editor.diff.prev'"/>
                        <xsl:with-param name="name" select="'n'"/>
                        <xsl:with-param name="value" select="@no"/>
                      </xsl:call-template>
                    </a>
                  </xsl:if>
                  <xsl:if test="position() &gt; 1">
                    <form method="post" action="{$v/@base}/restore?lang={$v/@lang}" class="inline-form">
                      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                      <input type="hidden" name="version" value="{@no}"/>
                      <button type="submit" class="btn btn-secondary kb-small">
                        <xsl:call-template name="kb-fill">
                          <xsl:with-param name="key" select="'kb.editor.restore'"/>
                          <xsl:with-param name="name" select="'n'"/>
                          <xsl:with-param name="value" select="@no"/>
                        </xsl:call-template>
                      </button>
                    </form>
                  </xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('kb.editor.versions.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
