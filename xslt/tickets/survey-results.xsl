<?xml version="1.0" encoding="UTF-8"?>
<!-- The satisfaction results (view "survey-results", for agents and the
     dashboard's readers): survey-results with periods, total[@count
     @average] and its rating[@value @count], by[@what = agent | group |
     service]/row[@id @count @average] (the name as text; none: not
     assigned), and comments/comment[@number @href @rating @at @service
     @agent]. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>
  <xsl:include href="survey-figures.xsl"/>

  <xsl:variable name="r" select="/page/survey-results"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('title.survey-results')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('title.survey-results')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.surveys.lead')"/></p>
      </div>
    </div>
    <xsl:apply-templates select="$r/periods"><xsl:with-param name="base" select="'/tickets/surveys'"/></xsl:apply-templates>
    <xsl:choose>
      <xsl:when test="$r/total/@count &gt; 0">
        <dl class="tk-kpis">
          <div>
            <dt><xsl:value-of select="pt:t('tickets.surveys.count')"/></dt>
            <dd><xsl:value-of select="$r/total/@count"/></dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('tickets.surveys.average')"/></dt>
            <dd><xsl:value-of select="format-number($r/total/@average, '0.0')"/></dd>
          </div>
        </dl>
        <section class="card tk-spread" aria-labelledby="spread-title">
          <h2 id="spread-title"><xsl:value-of select="pt:t('tickets.surveys.spread')"/></h2>
          <ul class="tk-spread-list">
            <xsl:for-each select="$r/total/rating">
              <xsl:sort select="@value" data-type="number" order="descending"/>
              <li>
                <span class="tk-spread-label"><xsl:value-of select="pt:t(concat('tickets.survey.rating.', @value))"/></span>
                <span class="tk-spread-count"><xsl:value-of select="@count"/></span>
                <span class="tk-spread-bar" aria-hidden="true">
                  <span class="tk-spread-fill tk-spread-{round(10 * @count div $r/total/@count)}"></span>
                </span>
              </li>
            </xsl:for-each>
          </ul>
        </section>
        <xsl:apply-templates select="$r/by"/>
        <section class="tk-comments" aria-labelledby="comments-title">
          <h2 id="comments-title"><xsl:value-of select="pt:t('tickets.surveys.comments')"/></h2>
          <xsl:choose>
            <xsl:when test="$r/comments/comment">
              <ul class="tk-comment-list">
                <xsl:for-each select="$r/comments/comment">
                  <li class="card">
                    <p class="tk-message-head">
                      <a href="{@href}"><xsl:value-of select="@number"/></a>
                      <xsl:text> · </xsl:text>
                      <strong><xsl:value-of select="pt:t(concat('tickets.survey.rating.', @rating))"/></strong>
                      <xsl:text> · </xsl:text>
                      <xsl:value-of select="@service"/>
                      <xsl:if test="@agent">
                        <xsl:text> · </xsl:text><xsl:value-of select="@agent"/>
                      </xsl:if>
                      <xsl:text> · </xsl:text>
                      <xsl:call-template name="pt-datetime">
                        <xsl:with-param name="iso" select="string(@at)"/>
                        <xsl:with-param name="style" select="'relative'"/>
                      </xsl:call-template>
                    </p>
                    <blockquote class="tk-body"><xsl:value-of select="."/></blockquote>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><p class="empty-state"><xsl:value-of select="pt:t('tickets.surveys.comments.none')"/></p></xsl:otherwise>
          </xsl:choose>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('tickets.surveys.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The averages by agent, group or service. -->
  <xsl:template match="by">
    <xsl:variable name="id" select="concat('by-', @what)"/>
    <section class="tk-by-section" aria-labelledby="{$id}-title">
      <h2 id="{$id}-title"><xsl:value-of select="pt:t(concat('tickets.surveys.by.', @what))"/></h2>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="{$id}-title">
        <table class="data-table tk-figures">
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t(concat('tickets.surveys.col.', @what))"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.surveys.col.count')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.surveys.col.average')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="row">
              <tr>
                <th scope="row">
                  <xsl:choose>
                    <xsl:when test="string(.) != ''"><xsl:value-of select="."/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="pt:t(concat('tickets.surveys.nobody.', ../@what))"/></xsl:otherwise>
                  </xsl:choose>
                </th>
                <td class="num"><xsl:value-of select="@count"/></td>
                <td class="num"><xsl:value-of select="format-number(@average, '0.0')"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

</xsl:stylesheet>
