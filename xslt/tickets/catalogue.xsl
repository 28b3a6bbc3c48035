<?xml version="1.0" encoding="UTF-8"?>
<!-- The service catalogue (view "catalogue"): services by category, each
     a link to its form. Data: catalogue/category/service. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('tickets.catalogue.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tickets.catalogue.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.catalogue.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-secondary" href="/tickets/mine"><xsl:value-of select="pt:t('tickets.catalogue.mine')"/></a>
      </p>
    </div>
    <xsl:choose>
      <xsl:when test="catalogue/category">
        <xsl:for-each select="catalogue/category">
          <section class="tk-category" aria-labelledby="cat-{@slug}">
            <h2 id="cat-{@slug}"><xsl:value-of select="name"/></h2>
            <xsl:if test="string(description) != ''">
              <p class="tk-category-desc"><xsl:value-of select="description"/></p>
            </xsl:if>
            <ul class="tk-services">
              <xsl:for-each select="service">
                <li class="card tk-service">
                  <h3><a href="{@href}"><xsl:value-of select="name"/></a></h3>
                  <p class="tk-type"><xsl:value-of select="pt:t(concat('tickets.type.', @type))"/></p>
                  <xsl:if test="string(description) != ''">
                    <p class="tk-service-desc"><xsl:value-of select="description"/></p>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('tickets.catalogue.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
