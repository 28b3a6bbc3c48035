<?xml version="1.0" encoding="UTF-8"?>
<!-- The deployed processes and the upload of a model (view
     "admin-processes", admin.processes).  Data: /page/processes/process
     (@key @version @deployed @by @running @suspended @incidents; the text
     is the name), /page/processes/@max-kib, /page/refusal (after a refused
     upload: the validator's reason, @file). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('processes.title')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('processes.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('processes.lead')"/></p>
      </div>
    </div>
    <xsl:call-template name="pa-tabs"><xsl:with-param name="current" select="'processes'"/></xsl:call-template>

    <xsl:choose>
      <xsl:when test="processes/process">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="processes-caption">
          <table class="data-table">
            <caption id="processes-caption" class="visually-hidden"><xsl:value-of select="pt:t('processes.title')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.process')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.key')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.version')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.deployed')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.running')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.suspended')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.incidents')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="processes/process">
                <tr>
                  <th scope="row"><a href="/admin/processes/process/{@key}"><xsl:value-of select="."/></a></th>
                  <td><code><xsl:value-of select="@key"/></code></td>
                  <td class="num"><xsl:value-of select="@version"/></td>
                  <td>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@deployed)"/>
                      <xsl:with-param name="style" select="'relative'"/>
                    </xsl:call-template>
                    <span class="prov-break">
                      <xsl:choose>
                        <xsl:when test="@by"><xsl:value-of select="@by"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="pt:t('processes.by.tool')"/></xsl:otherwise>
                      </xsl:choose>
                    </span>
                  </td>
                  <td class="num">
                    <a href="/admin/processes/instances?process={@key}&amp;state=running"><xsl:value-of select="@running"/></a>
                  </td>
                  <td class="num">
                    <a href="/admin/processes/instances?process={@key}&amp;state=suspended"><xsl:value-of select="@suspended"/></a>
                  </td>
                  <td class="num">
                    <xsl:choose>
                      <xsl:when test="@incidents != '0'"><span class="status-badge pa-state-failed"><xsl:value-of select="@incidents"/></span></xsl:when>
                      <xsl:otherwise>0</xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('processes.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <section class="card prov-form-card pa-upload" aria-labelledby="upload-title">
      <h2 id="upload-title"><xsl:value-of select="pt:t('processes.upload.title')"/></h2>
      <p><xsl:value-of select="pt:t('processes.upload.lead')"/></p>
      <xsl:if test="/page/refusal">
        <div class="alert alert-error pa-refusal">
          <p>
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('processes.upload.refusal')"/>
              <xsl:with-param name="name" select="'file'"/>
              <xsl:with-param name="value" select="string(/page/refusal/@file)"/>
            </xsl:call-template>
          </p>
          <xsl:if test="string(/page/refusal) != ''">
            <pre class="pa-reason"><xsl:value-of select="/page/refusal"/></pre>
          </xsl:if>
        </div>
      </xsl:if>
      <form class="form" method="post" action="/admin/processes/" enctype="multipart/form-data" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div>
          <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="'model'"/></xsl:call-template>
          <label for="model"><xsl:value-of select="pt:t('processes.upload.file')"/></label>
          <p class="field-hint" id="model-hint">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('processes.upload.hint')"/>
              <xsl:with-param name="name" select="'max'"/>
              <xsl:with-param name="value" select="string(processes/@max-kib)"/>
            </xsl:call-template>
          </p>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'model'"/></xsl:call-template>
          <input type="file" id="model" name="model" accept=".bpmn,.xml,application/xml,text/xml" required="required">
            <xsl:attribute name="aria-describedby">
              <xsl:if test="/page/messages/message[@field = 'model']">model-error </xsl:if>
              <xsl:text>model-hint</xsl:text>
            </xsl:attribute>
            <xsl:if test="/page/messages/message[@field = 'model']"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
          </input>
        </div>
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('processes.upload.submit')"/></button>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
