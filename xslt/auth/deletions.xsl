<?xml version="1.0" encoding="UTF-8"?>
<!-- Open deletion requests (view "deletions", permission admin.users).
     Each person has a form that anonymises them after a required confirmation. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orgs-common.xsl"/>

  <xsl:template match="page" mode="content">
    <h1><xsl:value-of select="pt:t('deletions.title')"/></h1>
    <p class="lead"><xsl:value-of select="pt:t('deletions.intro')"/></p>
    <xsl:choose>
      <xsl:when test="deletions/user">
        <ul class="prov-cards">
          <xsl:for-each select="deletions/user">
            <xsl:variable name="cb" select="concat('confirm-', @id)"/>
            <li class="card prov-deletion">
              <h2 class="prov-card-title"><xsl:value-of select="name"/></h2>
              <dl class="prov-facts">
                <div>
                  <dt><xsl:value-of select="pt:t('deletions.email')"/></dt>
                  <dd class="prov-break"><xsl:value-of select="email"/></dd>
                </div>
                <div>
                  <dt><xsl:value-of select="pt:t('deletions.org')"/></dt>
                  <dd><xsl:value-of select="org"/></dd>
                </div>
                <div>
                  <dt><xsl:value-of select="pt:t('deletions.requested')"/></dt>
                  <dd>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@requested)"/>
                    </xsl:call-template>
                  </dd>
                </div>
              </dl>
              <form class="form" method="post" action="/auth/admin/users/{@id}/anonymise">
                <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                <div>
                  <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="$cb"/></xsl:call-template>
                  <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$cb"/></xsl:call-template>
                  <div class="prov-check">
                    <input type="checkbox" name="confirm" value="1" id="{$cb}" required="required">
                      <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="$cb"/></xsl:call-template>
                    </input>
                    <label for="{$cb}"><xsl:value-of select="pt:t('deletions.confirm')"/></label>
                  </div>
                </div>
                <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('deletions.anonymise')"/></button>
              </form>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p class="prov-empty"><xsl:value-of select="pt:t('deletions.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
